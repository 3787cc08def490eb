-- SPDX-License-Identifier: GPL-3.0-or-later
-- Each award session gets an identity of its own, copied into its review packages and into the
-- score sheets the reviewers return, so that a sheet is never taken by another session. A
-- review package made before this holds none (which session made it is not known): its sheets
-- carry none and are checked as before.
ALTER TABLE session ADD COLUMN uuid TEXT
  CHECK (uuid IS NULL OR (length(uuid) = 32 AND uuid NOT GLOB '*[^0-9a-f]*'));
UPDATE session SET uuid = lower(hex(randomblob(16))) WHERE kind = 'session';
