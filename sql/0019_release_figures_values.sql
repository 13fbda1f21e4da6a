-- A contributor now names the country and the value it gave (`FR=57`), not the
-- country alone: a country that amends a value between two releases of a year keeps
-- its place in the set, and the two totals would differ by exactly its correction.
-- With the value in the element, the amended country counts as one leaving and one
-- joining (docs/statistics.md "Disclosure control"). Sets recorded before this file
-- name countries only; set against a new one, each such country reads as changed,
-- which withholds more, never less.
ALTER TABLE release_figures ALTER COLUMN countries TYPE text[];
