-- F8 search for one Chinese character (issue 21): item_name_grams also lists, under each single
-- non-ASCII character of name_zh or name_en, the items holding it (a one-character key never
-- meets a two-character pair), so such a query walks one list instead of reading `items` until
-- 200 match (the whole table for a rare character). A catalog indexed before this migration has
-- no such rows until its next replace: `characters` says whether it has, and until then a query
-- without a pair reads the table as before.
ALTER TABLE item_name_grams_state ADD COLUMN characters INTEGER NOT NULL DEFAULT 0;
UPDATE item_name_grams_state SET characters = NOT EXISTS (SELECT 1 FROM items);
