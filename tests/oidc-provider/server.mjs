// A real OpenID provider for Verband's single sign-on tests: panva's
// oidc-provider (OpenID Certified), with one static client and a few static
// accounts, and its development log-in form (devInteractions), where any
// password is accepted for a known account name.
//
//   node server.mjs PORT REDIRECT_URI [CLIENT_ID] [CLIENT_SECRET]
//
// Client ID and secret default to verband-test / verband-test-secret, or come
// from OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. The issuer is
// http://127.0.0.1:PORT. Only for tests: the keys are made at start.

import Provider from 'oidc-provider';

const [port, redirectUri, argId, argSecret] = process.argv.slice(2);
if (!port || !redirectUri) {
  console.error('usage: node server.mjs PORT REDIRECT_URI [CLIENT_ID] [CLIENT_SECRET]');
  process.exit(2);
}
const clientId = argId || process.env.OIDC_CLIENT_ID || 'verband-test';
const clientSecret = argSecret || process.env.OIDC_CLIENT_SECRET || 'verband-test-secret';
const issuer = `http://127.0.0.1:${port}`;

// Log-in name at the provider → claims. The browser test knows these names.
const ACCOUNTS = {
  // A verified address in an allowed domain (--oidc-email-domains sso.example.nl).
  'fleur': { email: 'fleur.dekker@sso.example.nl', email_verified: true, name: 'Fleur Dekker' },
  // A verified address in a domain nobody allowed: refused without an invitation.
  'vreemd': { email: 'iemand@elders.example.org', email_verified: true, name: 'Iemand Elders' },
  // An address the provider has not verified: always refused.
  'onbevestigd': { email: 'onbevestigd@sso.example.nl', email_verified: false, name: 'Niet Bevestigd' },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  async findAccount(ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...account };
      },
    };
  },
  features: {
    devInteractions: { enabled: true },
  },
  pkce: { required: () => true },
  // Verband is a first-party client: no consent screen, as at an
  // organisation's own identity provider.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  cookies: { keys: ['verband-test-only-cookie-key'] },
});

provider.on('server_error', (ctx, err) => console.error('server_error', err));

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`OpenID provider ${issuer} for client ${clientId}, accounts: ${Object.keys(ACCOUNTS).join(', ')}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
