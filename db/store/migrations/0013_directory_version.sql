-- Users (operators) and member accounts flow down to the lanes like the catalog: each has a
-- version here, bumped by a trigger in the transaction of every change, so no code path can
-- change a user or a member (a balance moved by another lane's sale included) without the lanes
-- seeing a newer version. The store's id is catalog_version.store_id.
CREATE TABLE directory_versions (
    kind       TEXT PRIMARY KEY CHECK (kind IN ('users', 'members')),
    version    INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
INSERT INTO directory_versions (kind, version, changed_at) VALUES ('users', 0, ''), ('members', 0, '');

CREATE TRIGGER users_version_insert AFTER INSERT ON users BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'users';
END;
CREATE TRIGGER users_version_update AFTER UPDATE ON users BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'users';
END;
CREATE TRIGGER users_version_delete AFTER DELETE ON users BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'users';
END;
CREATE TRIGGER members_version_insert AFTER INSERT ON members BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'members';
END;
CREATE TRIGGER members_version_update AFTER UPDATE ON members BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'members';
END;
CREATE TRIGGER members_version_delete AFTER DELETE ON members BEGIN
    UPDATE directory_versions SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    WHERE kind = 'members';
END;
