-- qareview schema: organisation names compared by one key, and accidents counted.
--
-- name_key / employer_key hold qa_name_key() of the name (NFKC, case folded, every space and
-- invisible character removed), the only form in which organisation names are compared, so an
-- automatic tie is an indexed equality and U+3000 or U+200B cannot hide one. The code writes the
-- key with the row; the triggers compute it when a writer did not, and on every rename.
-- accidents_3y becomes a count (Art. 13(2) fails for any count above 0).
--
-- The applicant table is rebuilt (SQLite's 12-step recipe; the caller has switched foreign keys
-- off and checks them before committing).

CREATE TABLE applicant_new (
  id                    TEXT    PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name                  TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  credit_code           TEXT    NOT NULL UNIQUE CHECK (length(credit_code) = 18),
  district              TEXT    NOT NULL,
  legal_person          INTEGER NOT NULL CHECK (legal_person IN (0, 1)),
  founded               TEXT    NOT NULL CHECK (date(founded) = founded),
  accidents_3y          INTEGER NOT NULL DEFAULT 0 CHECK (accidents_3y >= 0),
  management_system     INTEGER CHECK (management_system IN (0, 1)),
  gbt19580              INTEGER CHECK (gbt19580 IN (0, 1)),
  self_score            REAL    CHECK (self_score BETWEEN 0 AND 1000),
  industry              TEXT,
  address               TEXT,
  legal_representative  TEXT,
  contact_person        TEXT,
  phone                 TEXT,
  email                 TEXT,
  notes                 TEXT,
  -- The same lists as in schema 1, written with OR: SQLite builds an ephemeral table for
  -- every IN list of a CHECK on every row written, which was a third of an import's time.
  status                TEXT    NOT NULL DEFAULT 'applied'
                        CHECK (status = 'applied' OR status = 'eligible' OR
                               status = 'not_accepted' OR status = 'material' OR
                               status = 'site' OR status = 'not_advanced' OR
                               status = 'candidate' OR status = 'awarded' OR
                               status = 'revoked'),
  eligibility           TEXT    NOT NULL DEFAULT 'unchecked'
                        CHECK (eligibility = 'unchecked' OR eligibility = 'eligible' OR
                               eligibility = 'ineligible' OR eligibility = 'pending'),
  created_at            TEXT    NOT NULL,
  name_key              TEXT
);

INSERT INTO applicant_new (id, name, credit_code, district, legal_person, founded, accidents_3y,
                           management_system, gbt19580, self_score, industry, address,
                           legal_representative, contact_person, phone, email, notes, status,
                           eligibility, created_at, name_key)
  SELECT id, name, credit_code, district, legal_person, founded, accidents_3y,
         management_system, gbt19580, self_score, industry, address,
         legal_representative, contact_person, phone, email, notes, status,
         eligibility, created_at, qa_name_key(name)
  FROM applicant;

DROP TABLE applicant;
ALTER TABLE applicant_new RENAME TO applicant;

CREATE INDEX applicant_name_key ON applicant (name_key);

CREATE TRIGGER applicant_name_key_insert AFTER INSERT ON applicant
  WHEN NEW.name_key IS NULL
BEGIN
  UPDATE applicant SET name_key = qa_name_key(NEW.name) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER applicant_name_key_update AFTER UPDATE OF name, name_key ON applicant
  WHEN NEW.name_key IS NOT qa_name_key(NEW.name)
BEGIN
  UPDATE applicant SET name_key = qa_name_key(NEW.name) WHERE rowid = NEW.rowid;
END;

ALTER TABLE expert ADD COLUMN employer_key TEXT;
UPDATE expert SET employer_key = qa_name_key(employer);

CREATE INDEX expert_employer_key ON expert (employer_key);
CREATE INDEX expert_credit_code ON expert (credit_code);

CREATE TRIGGER expert_employer_key_insert AFTER INSERT ON expert
  WHEN NEW.employer_key IS NULL
BEGIN
  UPDATE expert SET employer_key = qa_name_key(NEW.employer) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER expert_employer_key_update AFTER UPDATE OF employer, employer_key ON expert
  WHEN NEW.employer_key IS NOT qa_name_key(NEW.employer)
BEGIN
  UPDATE expert SET employer_key = qa_name_key(NEW.employer) WHERE rowid = NEW.rowid;
END;
