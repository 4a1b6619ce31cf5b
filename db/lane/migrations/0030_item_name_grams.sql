-- F8 search by part of a name through an index of the names' character pairs (docs/performance.md,
-- "F8 search"): every two adjacent non-ASCII characters of name_zh or name_en (a Chinese query of
-- two characters is one pair; FTS5's trigram tokenizer would need three). Each row lists, in
-- order, up to 128 items (rowids of `items`) whose names hold the pair: the first rowid, then the
-- gaps to the next ones as decimal text, so a million items make some ten thousand rows, not
-- millions. Rebuilt whole by every catalog replace (db/lane/name_grams.cpp).
CREATE TABLE item_name_grams (
    gram       TEXT NOT NULL,     -- two characters, UTF-8
    first_item INTEGER NOT NULL,  -- the chunk's first rowid of items
    gaps       TEXT NOT NULL,     -- the gaps to its next rowids, space-separated ('' for one item)
    PRIMARY KEY (gram, first_item)
) WITHOUT ROWID;

-- Whether item_name_grams covers the catalog: a catalog present before this migration is indexed
-- by its next replace; until then name search reads the table as before.
CREATE TABLE item_name_grams_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    ready INTEGER NOT NULL
);
INSERT INTO item_name_grams_state (id, ready) VALUES (1, NOT EXISTS (SELECT 1 FROM items));
