-- Idempotency keys expire after 24 hours (IdempotencyService.keyLifetime). The
-- service replaces an expired key's row when the key is used again (INSERT … ON
-- CONFLICT DO UPDATE, which needs UPDATE) and its hourly sweep deletes expired rows:
-- the only table outside the cycles' lists where the service may delete.
GRANT UPDATE, DELETE ON idempotency_keys TO alliance_app;
