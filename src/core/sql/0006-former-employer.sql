-- An expert's former employers, with the day they left (回避, Art. 3 公正, Art. 23): an expert
-- who left an applicant fewer years ago than the rule profile's panel/@former-employer-years is
-- tied to it. Filled when an expert's employer is changed (the old one, left today) and by hand.
-- employer_key is qa_name_key(employer), matched against applicant.name_key.
CREATE TABLE expert_former_employer (
  id            INTEGER PRIMARY KEY,
  expert_id     TEXT    NOT NULL REFERENCES expert (id) ON DELETE CASCADE,
  employer      TEXT    NOT NULL CHECK (length(trim(employer)) > 0),
  employer_key  TEXT    NOT NULL,
  left_on       TEXT    NOT NULL CHECK (date(left_on) IS left_on),
  UNIQUE (expert_id, employer_key, left_on)
);

CREATE INDEX expert_former_employer_key ON expert_former_employer (employer_key);
