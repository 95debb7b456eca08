/**
 * A real OpenID Connect provider (the `oidc-provider` package) for the SSO journeys.
 * Its built-in development login accepts any password; the login name picks an account.
 */
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3999);
const appUrl = process.env.APP_URL ?? "http://localhost:3100";

const ACCOUNTS = {
  "casey.sso": { email: "casey.sso@pharos.demo", name: "Casey SSO", groups: ["pharos-cab", "everyone"] },
  "robin.sso": { email: "robin.sso@pharos.demo", name: "Robin SSO", groups: ["everyone"] },
  "noemail.sso": { name: "No Email", groups: ["pharos-admins"] },
  // Claims the demo engineer's address without the provider having verified it: must not link.
  "unverified.sso": {
    email: "engineer@pharos.demo",
    email_verified: false,
    name: "Not Sam",
    groups: ["pharos-admins"],
  },
  // The demo viewer at the provider, verified: links to the existing local account.
  "viewer.sso": { email: "viewer@pharos.demo", name: "Morgan Ellis", groups: ["everyone"] },
};

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: "pharos-e2e",
      client_secret: "pharos-e2e-secret",
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  scopes: ["openid", "email", "profile", "groups"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Put the requested claims in the ID token, as directory-backed IdPs are usually configured to.
  conformIdTokenClaims: false,
  cookies: { keys: ["pharos-e2e-cookie-key"] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email_verified: Boolean(account.email), ...account };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
});

provider.listen(port, () => console.log(`oidc provider on http://localhost:${port}`));
