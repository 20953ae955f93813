// The files module's public surface: other modules and the job runner import from here only.
export { BUCKETS, BUCKET_RULES, type Bucket } from './buckets.js';
export { fileRoutes } from './files.routes.js';
export { fileProcessorJob, processPendingFiles, type ProcessResult } from './files.processor.js';
export { qrRoutes } from './qr.routes.js';
export { registerRecordAccess, type RecordAccessCheck } from './record-access.js';
export { recordDocuments, type RecordDocument } from './files.repo.js';
// Domain modules that take uploads on their own routes (work-order attachments) store them here.
export { uploadFile, type UploadInput } from './files.service.js';
export { receiveUpload } from './files.multipart.js';
export { originalKey } from './files.names.js';
export { MAX_UPLOAD_BYTES } from './buckets.js';
export { fileSchema, type FileDto } from './files.schema.js';
