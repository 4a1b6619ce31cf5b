-- pos-store (service mode): each lane authenticates with its own token. Only a SHA-256 of the
-- token is kept (tokens are 256 random bits, so a slow hash adds nothing); revoking deletes it.
CREATE TABLE lane_tokens (
    lane       INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
