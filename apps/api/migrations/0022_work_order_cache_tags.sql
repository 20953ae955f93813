-- Work-order pages and lists are read from the read caches of decision 0006 (decision 0018's
-- pattern). Every change to a work order's details touches its row (last_updated), so the
-- work_orders table names them all ("work_order:<id>"); assignments and equipment (its name and
-- status show on the work order) tag themselves. Files attached to a work order or a piece of
-- equipment already tag it (migration 0021).
SELECT app_cache_tag_rows_of(tbl, prefix, col) FROM (VALUES
    ('work_orders', 'work_order:', 'id'),
    ('wo_assignees', 'work_order:', 'work_order_id'),
    ('equipment', 'equipment:', 'id')
  ) AS v(tbl, prefix, col);
