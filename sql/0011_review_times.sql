-- When the secretariat last reviewed a report (accepted or returned it), so that the
-- worklist's last_change_at counts a review (GET /v1/cycles/{year}/reports). Every
-- review sets it from now on; existing reports take the time of their newest
-- report.accepted or report.returned audit entry, or, failing one, accepted_at.
ALTER TABLE reports ADD COLUMN reviewed_at timestamptz;

UPDATE reports r
SET reviewed_at = coalesce(
    (SELECT max(a.at) FROM audit_log a
     WHERE a.entity = 'report' AND a.action IN ('report.accepted', 'report.returned')
       AND a.country = r.country AND a.year = r.year),
    r.accepted_at
);
