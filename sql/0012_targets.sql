-- Targets as data (issue 11): the secretariat adds and changes them; a rule that a
-- figure must fall (annual_growth_at_most, thresholds may be negative); the
-- coverage below which an alliance-wide level or `true` is undecided; and whether a
-- growth rule means percent or percentage points (points for ratios and booleans:
-- checked by the service, since the kind is in `indicators`).
-- Existing rows keep working: the new columns have defaults, and the relaxed
-- checks allow everything the old ones did.

ALTER TABLE targets DROP CONSTRAINT targets_rule_check;
ALTER TABLE targets DROP CONSTRAINT targets_check1;
ALTER TABLE targets DROP CONSTRAINT targets_check2;

ALTER TABLE targets
    ADD COLUMN min_coverage_pct numeric NOT NULL DEFAULT 50 CHECK (min_coverage_pct BETWEEN 0 AND 100),
    ADD COLUMN change text NOT NULL DEFAULT 'percent' CHECK (change IN ('percent', 'points'));

ALTER TABLE targets
    ADD CONSTRAINT targets_rule_known CHECK (
        rule IN ('annual_growth_at_least', 'annual_growth_at_most', 'level_at_least', 'level_at_most', 'true')),
    -- `true` takes a share of yes answers (null reads as 100); every other rule needs its threshold
    ADD CONSTRAINT targets_threshold_needed CHECK (
        CASE WHEN rule = 'true' THEN threshold IS NULL OR threshold BETWEEN 0 AND 100 ELSE threshold IS NOT NULL END),
    ADD CONSTRAINT targets_growth_basis CHECK (
        (rule IN ('annual_growth_at_least', 'annual_growth_at_most')) = (basis IN ('like_for_like', 'all_reporters')));
