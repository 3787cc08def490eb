-- qareview schema, version 1: the whole procedure of the award (Art. 11–23), so that later work
-- adds columns rather than redesigns. Every date is ISO 8601 text (YYYY-MM-DD, or a full
-- timestamp in UTC for times), every boolean 0/1.

-- One award session per database file (Art. 4: a session every N years).
CREATE TABLE session (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  year          INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  profile_id    TEXT    NOT NULL,
  profile_xml   BLOB    NOT NULL,   -- the profile the session runs under, kept verbatim
  criteria_id   TEXT    NOT NULL,
  deadline      TEXT    NOT NULL CHECK (date(deadline) = deadline),
  stage         TEXT    NOT NULL DEFAULT 'application'
                CHECK (stage IN ('application', 'eligibility', 'material', 'site',
                                 'comprehensive', 'notice', 'award')),
  kind          TEXT    NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'package')),
  created_at    TEXT    NOT NULL
);

-- The stages of Art. 16 as they were opened and closed.
CREATE TABLE stage_event (
  id            INTEGER PRIMARY KEY,
  stage         TEXT    NOT NULL,
  event         TEXT    NOT NULL CHECK (event IN ('opened', 'closed')),
  at            TEXT    NOT NULL
);

-- The scored items of the criteria the session uses, copied in at creation so that scores can
-- refer to them.
CREATE TABLE item (
  code          TEXT    PRIMARY KEY,
  category      TEXT    NOT NULL,
  position      INTEGER NOT NULL UNIQUE,
  points        INTEGER NOT NULL CHECK (points > 0),
  kind          TEXT    NOT NULL CHECK (kind IN ('process', 'result'))
);

-- Applying organisations (Art. 13, 14).
CREATE TABLE applicant (
  id                    TEXT    PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name                  TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  credit_code           TEXT    NOT NULL UNIQUE CHECK (length(credit_code) = 18),
  district              TEXT    NOT NULL,
  legal_person          INTEGER NOT NULL CHECK (legal_person IN (0, 1)),
  founded               TEXT    NOT NULL CHECK (date(founded) = founded),
  accidents_3y          INTEGER NOT NULL DEFAULT 0 CHECK (accidents_3y IN (0, 1)),
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
  status                TEXT    NOT NULL DEFAULT 'applied'
                        CHECK (status IN ('applied', 'eligible', 'not_accepted', 'material',
                                          'site', 'not_advanced', 'candidate', 'awarded',
                                          'revoked')),
  eligibility           TEXT    NOT NULL DEFAULT 'unchecked'
                        CHECK (eligibility IN ('unchecked', 'eligible', 'ineligible', 'pending')),
  created_at            TEXT    NOT NULL
);

-- Quality and industry management-system certificates (Art. 13(3)).
CREATE TABLE certificate (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  standard      TEXT    NOT NULL,
  number        TEXT,
  issuer        TEXT,
  valid_until   TEXT    CHECK (valid_until IS NULL OR date(valid_until) = valid_until)
);

-- Quality, safety and environmental liability accidents (Art. 13(2), Art. 21).
CREATE TABLE accident (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  date          TEXT    NOT NULL CHECK (date(date) = date),
  kind          TEXT    NOT NULL CHECK (kind IN ('quality', 'safety', 'environment')),
  description   TEXT
);

-- Key business indicators, three years and free extra rows.
CREATE TABLE indicator (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  name          TEXT    NOT NULL,
  value         REAL,
  unit          TEXT,
  UNIQUE (applicant_id, year, name)
);

-- Materials (Art. 14), stored content-addressed inside the session.
CREATE TABLE material_content (
  sha256        TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  size          INTEGER NOT NULL CHECK (size >= 0),
  data          BLOB    NOT NULL
);

CREATE TABLE material (
  id              INTEGER PRIMARY KEY,
  applicant_id    TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  kind            TEXT    NOT NULL CHECK (kind IN ('application_form', 'overview',
                                                   'self_assessment', 'evidence', 'other')),
  filename        TEXT    NOT NULL,
  mime_type       TEXT,
  sha256          TEXT    NOT NULL REFERENCES material_content (sha256),
  trade_secret    INTEGER NOT NULL DEFAULT 0 CHECK (trade_secret IN (0, 1)),
  no_state_secret INTEGER NOT NULL DEFAULT 0 CHECK (no_state_secret IN (0, 1)),
  added_at        TEXT    NOT NULL
);
CREATE INDEX material_applicant ON material (applicant_id);

-- Eligibility conditions of Art. 13, one row per condition (1–5).
CREATE TABLE eligibility (
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  condition     INTEGER NOT NULL CHECK (condition BETWEEN 1 AND 5),
  result        TEXT    NOT NULL CHECK (result IN ('pass', 'fail', 'pending')),
  source        TEXT    NOT NULL CHECK (source IN ('automatic', 'judged')),
  reason        TEXT,
  decided_at    TEXT    NOT NULL,
  PRIMARY KEY (applicant_id, condition)
);

-- The secretariat's override of a verdict, always with its written reason.
CREATE TABLE eligibility_override (
  applicant_id  TEXT    PRIMARY KEY REFERENCES applicant (id) ON DELETE CASCADE,
  eligible      INTEGER NOT NULL CHECK (eligible IN (0, 1)),
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  decided_at    TEXT    NOT NULL
);

-- The expert pool (Art. 11, Art. 23 penalties).
CREATE TABLE expert (
  id                TEXT    PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  name              TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  employer          TEXT    NOT NULL,
  title             TEXT,
  specialty         TEXT,
  experience_years  INTEGER NOT NULL CHECK (experience_years >= 0),
  trained           INTEGER NOT NULL CHECK (trained IN (0, 1)),
  ethics            INTEGER NOT NULL CHECK (ethics IN (0, 1)),
  ethics_date       TEXT,
  contact           TEXT,
  credit_code       TEXT,   -- the employer's, when recorded (automatic conflicts)
  status            TEXT    NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'suspended', 'disqualified')),
  status_reason     TEXT,
  status_date       TEXT,
  CHECK (status = 'active' OR length(trim(status_reason)) > 0)
);

CREATE TABLE expert_training (
  id            INTEGER PRIMARY KEY,
  expert_id     TEXT    NOT NULL REFERENCES expert (id) ON DELETE CASCADE,
  course        TEXT    NOT NULL,
  date          TEXT    CHECK (date IS NULL OR date(date) = date)
);

-- The impartiality and confidentiality declaration each expert signs for this session.
CREATE TABLE declaration (
  expert_id     TEXT    PRIMARY KEY REFERENCES expert (id) ON DELETE CASCADE,
  declared_at   TEXT    NOT NULL
);

-- Ties between an expert and an applicant (回避).
CREATE TABLE conflict (
  id            INTEGER PRIMARY KEY,
  expert_id     TEXT    NOT NULL REFERENCES expert (id) ON DELETE CASCADE,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  kind          TEXT    NOT NULL CHECK (kind IN ('employer', 'former_employer', 'consultant',
                                                 'relative', 'competitor', 'other')),
  reason        TEXT,
  source        TEXT    NOT NULL CHECK (source IN ('declared', 'secretariat', 'automatic')),
  UNIQUE (expert_id, applicant_id, kind)
);

-- The expert panel of each review stage (Art. 11).
CREATE TABLE panel (
  stage         TEXT    PRIMARY KEY CHECK (stage IN ('material', 'site')),
  chair_id      TEXT    NOT NULL REFERENCES expert (id),
  formed_at     TEXT    NOT NULL
);

CREATE TABLE panel_member (
  stage         TEXT    NOT NULL REFERENCES panel (stage) ON DELETE CASCADE,
  expert_id     TEXT    NOT NULL REFERENCES expert (id),
  role          TEXT    NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'alternate')),
  PRIMARY KEY (stage, expert_id)
);

-- Random draws (随机抽取), kept for the supervisory committee.
CREATE TABLE panel_draw (
  id            INTEGER PRIMARY KEY,
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  seed          INTEGER NOT NULL,
  pool          TEXT    NOT NULL,
  result        TEXT    NOT NULL,
  drawn_at      TEXT    NOT NULL
);

-- Which applicants are in each review stage (material: the eligible; site: those advanced).
CREATE TABLE stage_applicant (
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  PRIMARY KEY (stage, applicant_id)
);

CREATE TABLE assignment (
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  expert_id     TEXT    NOT NULL REFERENCES expert (id),
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  PRIMARY KEY (stage, expert_id, applicant_id)
);

-- The secret issued in a reviewer's package, with which their score sheet is signed.
CREATE TABLE package_key (
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  expert_id     TEXT    NOT NULL REFERENCES expert (id),
  secret        TEXT    NOT NULL,
  issued_at     TEXT    NOT NULL,
  PRIMARY KEY (stage, expert_id)
);

-- Independent scores: reviewer × applicant × stage × item.
CREATE TABLE score (
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  expert_id     TEXT    NOT NULL REFERENCES expert (id),
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  item          TEXT    NOT NULL REFERENCES item (code),
  percent       INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100 AND percent % 5 = 0),
  strengths     TEXT,
  improvements  TEXT,
  revision      INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (stage, expert_id, applicant_id, item)
);

-- Score sheets received from reviewers.
CREATE TABLE sheet (
  stage         TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  expert_id     TEXT    NOT NULL REFERENCES expert (id),
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  sha256        TEXT    NOT NULL,
  imported_at   TEXT    NOT NULL,
  PRIMARY KEY (stage, expert_id)
);

-- The panel's consensus per applicant and item, with the rationale when it departs from the
-- profile's default.
CREATE TABLE consensus (
  stage           TEXT    NOT NULL CHECK (stage IN ('material', 'site')),
  applicant_id    TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  item            TEXT    NOT NULL REFERENCES item (code),
  percent         INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100 AND percent % 5 = 0),
  default_percent INTEGER CHECK (default_percent BETWEEN 0 AND 100),
  strengths       TEXT,
  improvements    TEXT,
  rationale       TEXT,
  updated_at      TEXT    NOT NULL,
  CHECK (default_percent IS NULL OR percent = default_percent OR length(trim(rationale)) > 0),
  PRIMARY KEY (stage, applicant_id, item)
);

-- Public notice (Art. 16(6)) and objections raised during it.
CREATE TABLE public_notice (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  starts_on     TEXT    NOT NULL CHECK (date(starts_on) = starts_on),
  ends_on       TEXT    NOT NULL CHECK (date(ends_on) = ends_on AND ends_on >= starts_on)
);

CREATE TABLE objection (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
  received_on   TEXT    NOT NULL CHECK (date(received_on) = received_on),
  objector      TEXT,
  content       TEXT    NOT NULL,
  status        TEXT    NOT NULL DEFAULT 'received'
                CHECK (status IN ('received', 'under_review', 'upheld', 'dismissed')),
  decision      TEXT,
  decided_on    TEXT
);

-- Awards (Art. 16(7)), validity (Art. 7) and revocation (Art. 21).
CREATE TABLE award (
  applicant_id        TEXT    PRIMARY KEY REFERENCES applicant (id),
  certificate_number  TEXT    NOT NULL UNIQUE,
  approved_on         TEXT    NOT NULL CHECK (date(approved_on) = approved_on),
  valid_until         TEXT    NOT NULL CHECK (date(valid_until) = valid_until),
  status              TEXT    NOT NULL DEFAULT 'valid'
                      CHECK (status IN ('valid', 'publicity_barred', 'revoked', 'expired')),
  status_reason       TEXT,
  status_on           TEXT
);

-- Awardees' yearly reports (Art. 18).
CREATE TABLE annual_report (
  id            INTEGER PRIMARY KEY,
  applicant_id  TEXT    NOT NULL REFERENCES award (applicant_id),
  year          INTEGER NOT NULL,
  received_on   TEXT    NOT NULL,
  content       TEXT,
  UNIQUE (applicant_id, year)
);

-- The tamper-evident audit trail (Art. 12): each entry chained to the previous one's hash.
CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  at            TEXT    NOT NULL,
  operator      TEXT    NOT NULL,
  role          TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  subject_kind  TEXT,
  subject_id    TEXT,
  before        TEXT,
  after         TEXT,
  prev_hash     TEXT    NOT NULL,
  hash          TEXT    NOT NULL UNIQUE
);
