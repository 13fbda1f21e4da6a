-- Memberships get a surrogate id, the new primary key, so that the secretariat can
-- name one period (PATCH /v1/countries/{cc}/memberships/{id}). Existing rows get
-- ids here. (country, joined_on) stays unique: the seeder upserts on it. The check
-- `left_on > joined_on` and the exclusion constraint that forbids overlapping
-- periods of one country are kept as they are.
ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;
ALTER TABLE memberships ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE memberships ADD PRIMARY KEY (id);
ALTER TABLE memberships ADD CONSTRAINT memberships_country_joined_on_key UNIQUE (country, joined_on);
