\set c random(1, 200)
UPDATE reports SET accepted_version = CASE accepted_version WHEN 2 THEN 1 ELSE 2 END
WHERE id = (SELECT id FROM reports WHERE year = 2031 ORDER BY id OFFSET :c - 1 LIMIT 1);
