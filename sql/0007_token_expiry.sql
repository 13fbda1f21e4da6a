-- A token may be made to expire: from `expires_at` on (by the application's clock)
-- it is refused with 401 as an expired token. NULL: it never expires.
ALTER TABLE tokens
    ADD COLUMN expires_at timestamptz,
    ADD CONSTRAINT tokens_expire_after_creation CHECK (expires_at > created_at);
