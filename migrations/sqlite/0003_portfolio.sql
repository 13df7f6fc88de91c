-- The portfolio: agreements with their parties, commitments and quarterly
-- deliveries, signed documents; projects with goals, partners, status
-- history and funding streams; the phase checklist; portfolio settings;
-- spreadsheet uploads waiting for the user's confirmation.

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    title TEXT NOT NULL,
    description TEXT,
    starts_on TEXT,
    ends_on TEXT,
    evaluation_date TEXT,
    document_url TEXT,
    out_of_scope TEXT,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreements_network ON agreements(network_id);

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (agreement_id, organisation_id)
);

CREATE TABLE commitments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    role TEXT,
    tasks TEXT,
    -- Hours in hundredths, so both engines store an exact integer.
    hours_per_month_centi INTEGER,
    money_cents INTEGER,
    in_kind TEXT,
    removed_at TEXT
);
CREATE INDEX commitments_agreement ON commitments(agreement_id);
CREATE INDEX commitments_network ON commitments(network_id);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    commitment_id INTEGER NOT NULL REFERENCES commitments(id),
    quarter TEXT NOT NULL,
    hours_centi INTEGER,
    money_cents INTEGER,
    note TEXT,
    recorded_by_user_id INTEGER REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (commitment_id, quarter)
);
CREATE INDEX deliveries_network ON deliveries(network_id);

CREATE TABLE agreement_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by_user_id INTEGER REFERENCES users(id),
    uploaded_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX agreement_documents_agreement ON agreement_documents(agreement_id);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    title TEXT NOT NULL,
    description TEXT,
    lead_organisation_id INTEGER REFERENCES organisations(id),
    owner_person_id INTEGER REFERENCES persons(id),
    status TEXT NOT NULL,
    status_since TEXT,
    budget_cents INTEGER,
    results TEXT,
    sustainability_plan TEXT,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX projects_network ON projects(network_id);

CREATE TABLE project_goals (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    goal_id INTEGER NOT NULL REFERENCES goals(id),
    PRIMARY KEY (project_id, goal_id)
);

CREATE TABLE project_partners (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (project_id, organisation_id)
);

CREATE TABLE project_status_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    status TEXT NOT NULL,
    changed_on TEXT NOT NULL
);
CREATE INDEX project_status_changes_project ON project_status_changes(project_id);

CREATE TABLE funding_streams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    project_id INTEGER NOT NULL REFERENCES projects(id),
    source TEXT NOT NULL,
    funder TEXT,
    amount_cents INTEGER NOT NULL,
    starts_on TEXT,
    ends_on TEXT,
    kind TEXT NOT NULL,
    pays_for TEXT,
    archived_at TEXT
);
CREATE INDEX funding_streams_network ON funding_streams(network_id);
CREATE INDEX funding_streams_project ON funding_streams(project_id);

CREATE TABLE checklist_items (
    network_id INTEGER NOT NULL REFERENCES networks(id),
    block TEXT NOT NULL,
    status TEXT NOT NULL,
    owner_person_id INTEGER REFERENCES persons(id),
    note TEXT,
    updated_on TEXT,
    PRIMARY KEY (network_id, block)
);

CREATE TABLE checklist_evidence (
    network_id INTEGER NOT NULL REFERENCES networks(id),
    block TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    object_id INTEGER,
    url TEXT,
    PRIMARY KEY (network_id, block, position)
);

CREATE TABLE portfolio_settings (
    network_id INTEGER PRIMARY KEY REFERENCES networks(id),
    max_active_projects_per_partner INTEGER NOT NULL,
    cliff_horizon_months INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- A spreadsheet kept between the preview and the user's confirmation, so the
-- confirmation imports exactly the file that was checked.
CREATE TABLE import_uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    network_id INTEGER NOT NULL REFERENCES networks(id),
    user_id INTEGER REFERENCES users(id),
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT
);
CREATE INDEX import_uploads_network ON import_uploads(network_id);
