-- An audit read records how it was asked and answered: a refused request (400, 403…) is no read of the trail's
-- content, and the revisor must be able to tell the two apart. The status is written once the answer is complete;
-- null for reads recorded before this, and for one whose answer never completed.
ALTER TABLE audit_read ADD COLUMN method VARCHAR(8);
ALTER TABLE audit_read ADD COLUMN status SMALLINT;
