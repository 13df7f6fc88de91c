-- The network's relationships, kept per measurement (round): entered by
-- hand, imported from a network file, or (later) reported in a relationship
-- survey. The map and the network scores read one round at a time.

CREATE TABLE relationship_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    label TEXT NOT NULL,
    measured_on TEXT NOT NULL,
    -- manual, import or survey
    origin TEXT NOT NULL,
    -- 1 when a tie is one partner's report about another (surveys, directed
    -- files); 0 when a tie holds both ways (hand-entered ties).
    directed INTEGER NOT NULL,
    file_name TEXT,
    created_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX relationship_rounds_network ON relationship_rounds(network_id, measured_on);

CREATE TABLE relationships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    round_id INTEGER NOT NULL REFERENCES relationship_rounds(id),
    source_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    target_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    -- Strength and ratings in hundredths, so both engines store exact integers.
    strength_centi INTEGER NOT NULL,
    trust_centi INTEGER,
    value_centi INTEGER,
    note TEXT,
    created_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX relationships_round ON relationships(round_id);
CREATE INDEX relationships_network ON relationships(network_id);
