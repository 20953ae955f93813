// The files module's public surface: other modules and the job runner import from here only.
export { BUCKETS, BUCKET_RULES, type Bucket } from './buckets.js';
export { fileRoutes } from './files.routes.js';
export { fileProcessorJob, processPendingFiles, type ProcessResult } from './files.processor.js';
export { qrRoutes } from './qr.routes.js';
export { registerRecordAccess, type RecordAccessCheck } from './record-access.js';
export { recordDocuments, type RecordDocument } from './files.repo.js';
