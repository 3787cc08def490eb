-- The outcome (Art. 4, 7, 16(5)–(7), 17–22): the committee's confirmed list, tie decisions, the
-- objections' contact, the submission, awards' tiers and prizes, and what happens after the
-- award. Dates are YYYY-MM-DD, times ISO 8601 UTC.

-- Art. 16(6): an objection is taken only with the objector's real name and a way to reach them.
ALTER TABLE objection ADD COLUMN contact TEXT;

-- Art. 4: which tier the award is (Gansu's 提名奖 is "nomination") and the prize it carries.
ALTER TABLE award ADD COLUMN tier TEXT NOT NULL DEFAULT 'award';
ALTER TABLE award ADD COLUMN prize_yuan INTEGER NOT NULL DEFAULT 0 CHECK (prize_yuan >= 0);

-- Art. 16(6): the review committee's plenary decision on the proposed list. Once it is here the
-- list is frozen: shortlist_entry keeps what it was decided on.
CREATE TABLE shortlist_confirmation (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  decided_on    TEXT    NOT NULL CHECK (date(decided_on) = decided_on),
  recorded_at   TEXT    NOT NULL
);

-- The facts the confirmed list was computed from, per applicant (totals exact, in hundredths).
CREATE TABLE shortlist_entry (
  applicant_id       TEXT    PRIMARY KEY REFERENCES applicant (id),
  eligible           INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  material_reviewed  INTEGER NOT NULL CHECK (material_reviewed IN (0, 1)),
  site_reviewed      INTEGER NOT NULL CHECK (site_reviewed IN (0, 1)),
  material_x100      INTEGER NOT NULL DEFAULT 0,
  site_x100          INTEGER NOT NULL DEFAULT 0,
  status             TEXT    NOT NULL   -- the status as confirmed, before any objection
);

-- The committee's order among applicants the tie-breaks cannot separate (Art. 4, Art. 9).
CREATE TABLE tie_decision (
  applicant_id  TEXT    PRIMARY KEY REFERENCES applicant (id),
  place         INTEGER NOT NULL CHECK (place >= 1),
  decided_on    TEXT    NOT NULL CHECK (date(decided_on) = decided_on),
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0)
);

-- The list submitted to the government for approval (提请审批, Art. 16(6)–(7)).
CREATE TABLE submission (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  submitted_on  TEXT    NOT NULL CHECK (date(submitted_on) = submitted_on),
  recorded_at   TEXT    NOT NULL
);

-- Art. 18: the indicators of a yearly report.
CREATE TABLE report_indicator (
  applicant_id  TEXT    NOT NULL,
  year          INTEGER NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('business', 'quality', 'spot_check')),
  name          TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  value         REAL    NOT NULL,
  unit          TEXT,
  higher_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_better IN (0, 1)),
  PRIMARY KEY (applicant_id, year, name),
  FOREIGN KEY (applicant_id, year) REFERENCES annual_report (applicant_id, year) ON DELETE CASCADE
);

-- Art. 19: inspections of awardees.
CREATE TABLE inspection (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES award (applicant_id),
  date          TEXT    NOT NULL CHECK (date(date) = date),
  findings      TEXT    NOT NULL CHECK (length(trim(findings)) > 0),
  rectify_by    TEXT    CHECK (rectify_by IS NULL OR date(rectify_by) = rectify_by)
);

-- Art. 7, 21: what happened to an award after it was made.
CREATE TABLE award_event (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES award (applicant_id),
  date          TEXT    NOT NULL CHECK (date(date) = date),
  kind          TEXT    NOT NULL CHECK (kind IN ('accident', 'revoked', 'kept', 'rectification')),
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  deadline      TEXT    CHECK (deadline IS NULL OR date(deadline) = deadline),
  recorded_at   TEXT    NOT NULL
);
