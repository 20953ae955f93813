-- Uploaded files: one row per stored object. The bytes live in the configured storage under
-- keys built from the row id (never from user input); this table holds what we know about them.

CREATE TABLE files (
  id uuid PRIMARY KEY,
  bucket text NOT NULL CHECK (bucket IN ('wo-attachments', 'pm-attachments', 'vendor-documents',
    'equipment-photos', 'qr-codes', 'quality-photos', 'order-documents')),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  -- The record a file is attached to (a work order, an equipment, ...); both or neither.
  record_type text,
  record_id uuid,
  original_name text NOT NULL,
  -- Detected from the content, not taken from the client.
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  thumbnail_key text,
  width int,
  height int,
  metadata jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PROCESSED', 'FAILED')),
  uploaded_by uuid NOT NULL REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES profiles(id),
  CHECK ((record_type IS NULL) = (record_id IS NULL))
);

CREATE INDEX files_record_idx ON files (record_type, record_id);
CREATE INDEX files_warehouse_created_idx ON files (warehouse_id, created_at DESC);
-- The file processor scans only what is still waiting.
CREATE INDEX files_pending_idx ON files (created_at) WHERE status = 'PENDING';

-- No DELETE: removal is soft (deleted_at), so the audit trail keeps pointing at a real row.
GRANT SELECT, INSERT, UPDATE ON files TO plantops_app;
ALTER TABLE files ENABLE ROW LEVEL SECURITY;
CREATE POLICY files_scope ON files FOR ALL
  USING (app_warehouse_visible(warehouse_id))
  WITH CHECK (app_warehouse_visible(warehouse_id));
