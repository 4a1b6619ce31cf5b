-- Weighed lines of the lane's sales (issue 19): the weight in grams and where it came from: the
-- lane's scale (stable, in range), typed by hand ('keyed', with its approver on a lane with a
-- scale) or a scale label. Written with the sale in LaneDb::commit_sale's transaction.
CREATE TABLE sale_line_weights (
    sale_id  TEXT NOT NULL,
    line_no  INTEGER NOT NULL,
    grams    INTEGER NOT NULL CHECK (grams > 0),
    source   TEXT NOT NULL CHECK (source IN ('scale', 'keyed', 'label')),
    keyed_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sale_id, line_no),
    FOREIGN KEY (sale_id, line_no) REFERENCES sale_lines (sale_id, line_no)
);
