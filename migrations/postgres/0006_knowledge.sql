-- The knowledge lab: items (articles, tools, references, learning
-- experiences, success stories, open questions) with attachments whose text
-- is extracted for search, links to projects, meetings and survey rounds, and
-- questions with answers under an item. The search index follows the change
-- log; these tables are the source of truth.

CREATE TABLE knowledge_items (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- Markdown source; rendered (and sanitised) when shown.
    body TEXT NOT NULL,
    -- JSON arrays of strings (themes as typed; sector codes; URLs).
    themes TEXT NOT NULL,
    phase TEXT,
    sectors TEXT NOT NULL,
    links TEXT NOT NULL,
    -- 'network' (this network only) or 'shared' (every network of the deployment).
    visibility TEXT NOT NULL,
    author_user_id BIGINT REFERENCES users(id),
    organisation_id BIGINT REFERENCES organisations(id),
    views BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX knowledge_items_network ON knowledge_items(network_id);
CREATE INDEX knowledge_items_shared ON knowledge_items(visibility);

CREATE TABLE knowledge_attachments (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    item_id BIGINT NOT NULL REFERENCES knowledge_items(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    -- Plain text read from PDF and DOCX files, for search; NULL when none could be read.
    extracted_text TEXT,
    uploaded_by_user_id BIGINT REFERENCES users(id),
    uploaded_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX knowledge_attachments_item ON knowledge_attachments(item_id);

-- "What we learned from this pilot": an item linked to a project, a meeting
-- or a survey round of the same network.
CREATE TABLE knowledge_item_links (
    item_id BIGINT NOT NULL REFERENCES knowledge_items(id),
    target_kind TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    PRIMARY KEY (item_id, target_kind, target_id)
);
CREATE INDEX knowledge_item_links_target ON knowledge_item_links(target_kind, target_id);

-- A question under an item (parent_id NULL) or an answer to one.
CREATE TABLE knowledge_questions (
    id BIGSERIAL PRIMARY KEY,
    item_id BIGINT NOT NULL REFERENCES knowledge_items(id),
    parent_id BIGINT REFERENCES knowledge_questions(id),
    body TEXT NOT NULL,
    author_user_id BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX knowledge_questions_item ON knowledge_questions(item_id);
