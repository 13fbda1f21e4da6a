-- Releases frozen as published: the public document of each release, exactly as
-- the public reads it (after disclosure control), so that neither a change to the
-- code nor to DISCLOSURE_MIN_COUNTRIES changes what an old release shows.
--
-- A table of its own rather than columns on summary_releases: that table refuses
-- every UPDATE, and a release published before this migration gets its document
-- when it is first read (by the code that can apply disclosure control), as an
-- INSERT here.
CREATE TABLE published_summaries (
    year           smallint NOT NULL,
    release        integer  NOT NULL,
    -- the shape of `document`; a reader refuses a version it does not know
    format_version smallint NOT NULL CHECK (format_version >= 1),
    -- the public JSON, but for `latest_release` and `revised_since`, which change
    -- when a later release comes out and are added when it is served
    document       text     NOT NULL,
    -- the public CSV, byte for byte
    csv            text     NOT NULL,
    frozen_at      timestamptz NOT NULL,
    PRIMARY KEY (year, release),
    FOREIGN KEY (year, release) REFERENCES summary_releases (year, release)
);
CREATE TRIGGER published_summaries_immutable BEFORE UPDATE OR DELETE ON published_summaries
    FOR EACH ROW EXECUTE FUNCTION reject_change();
