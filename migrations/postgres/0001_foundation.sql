-- Foundation: accounts, networks, partners, persons, ambition, goals,
-- interests, sessions, API tokens, audit log and change log.
-- Times are RFC 3339 UTC text, dates ISO text: the same in both engines.

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    password_hash TEXT NOT NULL,
    is_admin BIGINT NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT 'nl',
    created_at TEXT NOT NULL
);

CREATE TABLE networks (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT,
    inhabitants BIGINT,
    domains TEXT NOT NULL DEFAULT '',
    governance TEXT,
    phase TEXT NOT NULL,
    start_date TEXT,
    ambition TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE organisations (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    sector TEXT NOT NULL,
    ownership TEXT NOT NULL,
    kvk_number TEXT,
    website TEXT,
    description TEXT,
    -- Written by the application (verband_domain::search_key): lower case
    -- without accents, the same on both engines.
    sort_name TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE network_roles (
    user_id BIGINT NOT NULL REFERENCES users(id),
    network_id BIGINT NOT NULL REFERENCES networks(id),
    role TEXT NOT NULL,
    -- The partner the user represents in this network (members keep their
    -- own organisation's records); empty for coordinators and advisors.
    organisation_id BIGINT REFERENCES organisations(id),
    PRIMARY KEY (user_id, network_id)
);
CREATE INDEX network_roles_network ON network_roles(network_id);

CREATE TABLE memberships (
    network_id BIGINT NOT NULL REFERENCES networks(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL,
    member_since TEXT,
    archived_at TEXT,
    PRIMARY KEY (network_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships(organisation_id);

CREATE TABLE persons (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    organisation_id BIGINT REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    data_source TEXT NOT NULL,
    informed_on TEXT,
    sort_name TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX persons_network ON persons(network_id, sort_name);
CREATE INDEX persons_organisation ON persons(organisation_id);

CREATE TABLE person_roles (
    person_id BIGINT NOT NULL REFERENCES persons(id),
    role TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE goals (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    title TEXT NOT NULL,
    indicator TEXT NOT NULL,
    baseline TEXT,
    target TEXT NOT NULL,
    target_date TEXT,
    archived_at TEXT
);
CREATE INDEX goals_network ON goals(network_id);

CREATE TABLE interests (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    description TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX interests_network ON interests(network_id, organisation_id);

CREATE TABLE interest_goals (
    interest_id BIGINT NOT NULL REFERENCES interests(id) ON DELETE CASCADE,
    goal_id BIGINT NOT NULL REFERENCES goals(id),
    PRIMARY KEY (interest_id, goal_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_username ON login_failures(username, at);

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    network_id BIGINT,
    actor_user_id BIGINT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id BIGINT,
    object_label TEXT,
    result TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX audit_log_network ON audit_log(network_id, id);

CREATE TABLE change_log (
    seq BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    network_id BIGINT,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    op TEXT NOT NULL
);
