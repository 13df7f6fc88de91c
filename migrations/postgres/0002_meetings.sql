-- Meetings of the network's bodies, their agenda, attendance, decisions and
-- action items; shared stories; personal calendar feeds; vitality settings.

CREATE TABLE bodies (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX bodies_network ON bodies(network_id);

CREATE TABLE meetings (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    body_id BIGINT NOT NULL REFERENCES bodies(id),
    title TEXT,
    date TEXT NOT NULL,
    start_time TEXT,
    place TEXT,
    link TEXT,
    status TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_network ON meetings(network_id, date);

CREATE TABLE meeting_organisations (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (meeting_id, organisation_id)
);

CREATE TABLE meeting_persons (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE agenda_items (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    organisation_id BIGINT REFERENCES organisations(id),
    person_id BIGINT REFERENCES persons(id),
    by_coordinator BIGINT NOT NULL DEFAULT 0,
    proposed_by_user_id BIGINT REFERENCES users(id),
    proposed_on TEXT NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_network ON agenda_items(network_id);

CREATE TABLE attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL,
    PRIMARY KEY (meeting_id, organisation_id)
);

CREATE TABLE decisions (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    agenda_item_id BIGINT REFERENCES agenda_items(id),
    text TEXT NOT NULL
);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

CREATE TABLE action_items (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    meeting_id BIGINT REFERENCES meetings(id),
    description TEXT NOT NULL,
    owner_organisation_id BIGINT REFERENCES organisations(id),
    owner_person_id BIGINT REFERENCES persons(id),
    due TEXT NOT NULL,
    done_on TEXT,
    created_on TEXT NOT NULL
);
CREATE INDEX action_items_network ON action_items(network_id, due);

CREATE TABLE stories (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    organisation_id BIGINT REFERENCES organisations(id),
    person_id BIGINT REFERENCES persons(id),
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    shared_on TEXT NOT NULL,
    created_by_user_id BIGINT REFERENCES users(id)
);
CREATE INDEX stories_network ON stories(network_id, shared_on);

-- A personal, revocable calendar feed: a network's meetings (or one body's)
-- for a calendar program to subscribe to without a session.
CREATE TABLE calendar_feeds (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    network_id BIGINT NOT NULL REFERENCES networks(id),
    body_id BIGINT REFERENCES bodies(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX calendar_feeds_user ON calendar_feeds(user_id);

CREATE TABLE vitality_settings (
    network_id BIGINT PRIMARY KEY REFERENCES networks(id),
    settings TEXT NOT NULL
);

-- When a partner joined or left, for the membership signal.
ALTER TABLE memberships ADD COLUMN left_on TEXT;

-- Caches (the vitality panel) check a network's newest change.
CREATE INDEX change_log_network ON change_log(network_id, seq);
