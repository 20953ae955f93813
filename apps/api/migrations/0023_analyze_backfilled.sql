-- Migrations 0019 and 0020 fill item_search and wo_assignees' new columns from existing rows.
-- Until autovacuum gets to them the planner has no statistics for the new columns and indexes: on
-- the bench database (900,000 assignments) a technician's list then chose a plan costing 92 ms of
-- database CPU instead of 7.6 ms. Gather them now.
ANALYZE item_search;
ANALYZE wo_assignees;
