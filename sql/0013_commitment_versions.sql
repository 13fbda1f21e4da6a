-- A commitment's version, its ETag: a PATCH names it in If-Match (428 without, 412
-- when stale), and every change adds one. A withdrawn commitment is kept, shown as
-- withdrawn with its reason, and left out of the summary's goal counts; it can no
-- longer be changed.
ALTER TABLE commitments
    ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    ADD COLUMN withdrawn_at timestamptz,
    ADD COLUMN withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 2000),
    ADD CONSTRAINT commitments_withdrawal_complete CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL));
