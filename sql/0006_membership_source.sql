-- A founding membership's source used to name a file of the project's working
-- notes, which a copy of the repository does not have. It now cites the European
-- Commission's own list of the 48 launch participants, exactly as the seeder writes
-- it (Seeder.membershipSource: the two texts must stay equal, or seeding again
-- would change these rows). Only rows still holding the text the seeder wrote
-- before change.
UPDATE memberships
SET source = 'European Commission, list of the 48 launch participants of the Global Alliance against Child Sexual Abuse Online, '
    || 'Brussels, 5 December 2012'
WHERE source LIKE 'EC list of the 48 launch participants, 5 December 2012 (%countries.csv)';
