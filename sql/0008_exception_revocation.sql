-- A lock exception can be revoked (DELETE /v1/cycles/{year}/exceptions/{id}): it is
-- kept, with when and by whom it was revoked, and stops letting its country change a
-- locked report from that moment.
ALTER TABLE lock_exceptions
    ADD COLUMN revoked_at timestamptz,
    ADD COLUMN revoked_by bigint REFERENCES tokens (id);
