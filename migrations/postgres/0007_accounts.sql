-- Day one: first administrator, networks that can be archived, invitations,
-- password resets, two-factor sign-in, OpenID Connect identities and the
-- deployment's own settings. Every secret (link, code) is stored as a hash;
-- only the TOTP secret itself must be kept, since codes are computed from it.

ALTER TABLE networks ADD COLUMN archived_at TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE sessions ADD COLUMN origin TEXT;

CREATE TABLE invitations (
    id BIGSERIAL PRIMARY KEY,
    network_id BIGINT NOT NULL REFERENCES networks(id),
    -- Lower case, trimmed: one pending invitation per address and network.
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id),
    person_id BIGINT REFERENCES persons(id),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    sent_at TEXT,
    mail_error TEXT,
    accepted_at TEXT,
    accepted_by BIGINT REFERENCES users(id),
    withdrawn_at TEXT
);
CREATE INDEX invitations_network ON invitations(network_id, email);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets(user_id);

-- Failed attempts on links and codes (invitation, reset, second factor), by
-- what was attacked, so that guessing is throttled like passwords.
CREATE TABLE attempt_failures (
    id BIGSERIAL PRIMARY KEY,
    scope TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX attempt_failures_scope ON attempt_failures(scope, at);

CREATE TABLE two_factor (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    -- Base32 TOTP secret (RFC 6238).
    secret TEXT NOT NULL,
    -- NULL while being set up: the first right code switches it on.
    enabled_at TEXT,
    -- The last time step a code was accepted for: a code is used once.
    last_step BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- Between the right password and the second factor: a short-lived token in
-- a cookie, not yet a session.
CREATE TABLE pending_logins (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE oidc_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_user ON oidc_identities(user_id);

-- A sign-in started at the provider: state (hashed), nonce and PKCE verifier,
-- kept in the database so that any instance can finish it.
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    invitation_token_hash TEXT,
    next TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE deployment_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
