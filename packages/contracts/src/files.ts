/** Upload buckets: the CMMS spec's five plus quality photos and order documents. */
export const FILE_BUCKETS = [
  'wo-attachments',
  'pm-attachments',
  'vendor-documents',
  'equipment-photos',
  'qr-codes',
  'quality-photos',
  'order-documents',
] as const;
export type FileBucket = (typeof FILE_BUCKETS)[number];
