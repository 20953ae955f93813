-- Which items use an item (the search page's category-path walk, "where used"): the child index
-- now carries the parent id, so the lookup is an index-only scan. With the plain index the planner
-- preferred a sequential scan of a small component table for every walk step (20 per search page,
-- ~30 us each against ~2 us), as an index scan also had to visit the heap for parent_id.
CREATE INDEX item_components_child_parent_idx ON item_components (child_id) INCLUDE (parent_id);
DROP INDEX item_components_child_idx;
