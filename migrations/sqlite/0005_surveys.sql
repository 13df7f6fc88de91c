-- Surveys and evaluations: instruments kept as versions (a round always
-- names the version it asked), rounds, invitations with personal links
-- (only hashes of the links are stored), responses and theme tags.

CREATE TABLE instruments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    -- The built-in instrument this row stands for (its kind code), or NULL
    -- for a copy or one built from scratch, which coordinators may edit.
    builtin TEXT,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX instruments_network ON instruments(network_id);

CREATE TABLE instrument_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument_id INTEGER NOT NULL REFERENCES instruments(id),
    version INTEGER NOT NULL,
    -- The definition as JSON (verband_domain::survey::Instrument).
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (instrument_id, version)
);

CREATE TABLE survey_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    instrument_id INTEGER NOT NULL REFERENCES instruments(id),
    instrument_version_id INTEGER NOT NULL REFERENCES instrument_versions(id),
    label TEXT NOT NULL,
    -- The last day on which answers are taken (ISO date).
    deadline TEXT NOT NULL,
    -- Remind those who have not finished every this many days; NULL: never.
    reminder_days INTEGER,
    threshold INTEGER NOT NULL,
    -- The relationships this round reported, once it is closed (relationship survey).
    relationship_round_id INTEGER REFERENCES relationship_rounds(id),
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX survey_rounds_network ON survey_rounds(network_id, instrument_id);

CREATE TABLE survey_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    language TEXT NOT NULL,
    -- The groups results are split by, fixed when the round starts, so a
    -- later change of a person's organisation does not move old answers.
    sector TEXT,
    steering INTEGER NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id),
    last_mailed_at TEXT,
    mail_count INTEGER NOT NULL DEFAULT 0,
    mail_error TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (round_id, person_id)
);

-- Personal links: SHA-256 of a 256-bit random token. An invitation may have
-- several (a reminder or a copied link makes a new one; earlier ones keep working).
CREATE TABLE survey_links (
    token_hash TEXT PRIMARY KEY,
    invitation_id INTEGER NOT NULL REFERENCES survey_invitations(id),
    created_at TEXT NOT NULL
);
CREATE INDEX survey_links_invitation ON survey_links(invitation_id);

CREATE TABLE survey_responses (
    invitation_id INTEGER PRIMARY KEY REFERENCES survey_invitations(id),
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id),
    -- JSON: question key -> answer (verband_domain::survey::Answers).
    answers TEXT NOT NULL,
    -- The page to show when the respondent comes back (0-based).
    page INTEGER NOT NULL,
    finished_at TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX survey_responses_round ON survey_responses(round_id);

-- Themes a coordinator gives open answers; an answer is named by the hash
-- of its text, so a tag says nothing about who wrote it.
CREATE TABLE survey_answer_themes (
    round_id INTEGER NOT NULL REFERENCES survey_rounds(id),
    question_key TEXT NOT NULL,
    answer_hash TEXT NOT NULL,
    theme TEXT NOT NULL,
    PRIMARY KEY (round_id, question_key, answer_hash)
);
