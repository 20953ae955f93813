-- Lists page by keyset (decision 0011): each ordering of GET /api/v1/parts has an index that
-- ends in the stock row's id, so a page seeks to its first row instead of sorting every match.

CREATE INDEX stock_site_quantity_idx ON stock (warehouse_id, quantity_on_hand, id);
CREATE INDEX stock_quantity_idx ON stock (quantity_on_hand, id);
CREATE INDEX stock_site_updated_idx ON stock (warehouse_id, updated_at, id);
CREATE INDEX stock_updated_idx ON stock (updated_at, id);

-- A part's updatedAt is the later of its item's and its stock row's. Keeping stock.updated_at at
-- least the item's makes that one indexed column: an item change moves its stock rows along, on
-- every site (SECURITY DEFINER: the acting role's row-level security would hide other sites' rows).
CREATE FUNCTION app_stock_follows_item() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE stock s SET updated_at = n.updated_at FROM changed n WHERE s.item_id = n.id AND s.updated_at < n.updated_at;
  RETURN NULL;
END $$;
CREATE TRIGGER items_stock_follows AFTER UPDATE ON items REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION app_stock_follows_item();

UPDATE stock s SET updated_at = i.updated_at FROM items i WHERE i.id = s.item_id AND s.updated_at < i.updated_at;
