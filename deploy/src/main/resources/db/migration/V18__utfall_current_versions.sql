-- The indikator series reads its live figures from their current versions (valid_to null) in utfall_version, which
-- held the same rows as utfall_view: the copy is dropped, so each figure's event writes one row instead of two.
-- No replay is needed: utfall_version already holds every figure's current version.
DROP TABLE utfall_view;
CREATE INDEX utfall_version_current ON utfall_version (indikator_id, namnd_code) WHERE valid_to IS NULL;
