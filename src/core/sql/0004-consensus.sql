-- qareview schema: the chair's half of the review stages (Art. 16(3)–(4)).

-- The consensus is computed per stage, applicant and item over the independent scores: this
-- index lets that be one ordered pass that never reads the table, without sorting the scores.
CREATE INDEX score_consensus ON score (stage, applicant_id, item, percent, expert_id);

-- The panel's site-review opinion (现场评审意见) of each applicant it reviewed on site.
CREATE TABLE site_opinion (
  applicant_id  TEXT    PRIMARY KEY REFERENCES applicant (id) ON DELETE CASCADE,
  opinion       TEXT    NOT NULL CHECK (length(trim(opinion)) > 0),
  updated_at    TEXT    NOT NULL
);

-- In a site review package only: the material review's consensus strengths and improvements of
-- each applicant, per category, as the points to verify on site. No reviewer is named.
CREATE TABLE verification_point (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  category      TEXT    NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('strength', 'improvement')),
  text          TEXT    NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX verification_point_applicant ON verification_point (applicant_id);
