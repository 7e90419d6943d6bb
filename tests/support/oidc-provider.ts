/**
 * A real OpenID Connect provider on loopback for the tests (the oidc-provider
 * package, certified by the OpenID Foundation): discovery, JWKS, the
 * authorization code flow with PKCE required, and login and consent pages of
 * its own with labelled fields, the way a group's Keycloak or ADFS shows them.
 *
 * Its users are the test's to set (e-mail, whether it is verified, groups);
 * `tamper` makes the token endpoint hand out a broken ID token, as a
 * man-in-the-middle or a misconfigured provider would.
 */
import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface IdpUser {
  /** what the login page takes as the username */
  username: string;
  password: string;
  email: string;
  emailVerified: boolean;
  name: string;
  groups: string[];
}

export type Tamper =
  /** one byte of the ID token's signature changed */
  | "signature"
  /** the ID token re-signed with the provider's real key, but naming another issuer */
  | "issuer"
  | null;

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: Map<string, IdpUser>;
  tamper: Tamper;
  /**
   * true: the next authorization response is not sent to the app but kept in
   * `heldCallback` (the browser gets a page saying so), for tests that replay
   * a changed callback.
   */
  holdCallback: boolean;
  heldCallback: string | undefined;
  /** how many token requests carried a PKCE code_verifier, and how many did not */
  tokenRequests: { withVerifier: number; without: number };
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

export async function startTestIdp({ redirectUris, users = [] }: { redirectUris: string[]; users?: IdpUser[] }): Promise<TestIdp> {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const clientId = "lodestone";
  const clientSecret = `secret-${randomUUID()}`;
  const byUsername = new Map(users.map((u) => [u.username, u]));

  // Listen first: the issuer names the port.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomUUID()] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // As Keycloak and Entra ID do: the ID token carries the user's claims (and the groups).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = byUsername.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: user.email, email_verified: user.emailVerified, name: user.name, groups: user.groups }),
      };
    },
  });

  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    users: byUsername,
    tamper: null,
    holdCallback: false,
    heldCallback: undefined,
    tokenRequests: { withVerifier: 0, without: 0 },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const sign = (header: Record<string, unknown>, payload: Record<string, unknown>) => {
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const signature = createSign("RSA-SHA256").update(input).sign(privateKey);
    return `${input}.${b64url(signature)}`;
  };

  provider.use(async (ctx, next) => {
    await next();
    const location = ctx.response.get("location");
    if (idp.holdCallback && location && redirectUris.some((uri) => location.startsWith(uri))) {
      idp.holdCallback = false;
      idp.heldCallback = location;
      ctx.remove("location");
      ctx.status = 200;
      ctx.type = "html";
      ctx.body = page("Held by the test", "<p>The authorization response was kept.</p>");
      return;
    }
    if (ctx.oidc?.route !== "token") return;
    if (ctx.oidc.params?.code_verifier) idp.tokenRequests.withVerifier++;
    else idp.tokenRequests.without++;
    if (!idp.tamper) return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    const [h, p, s] = body.id_token.split(".");
    if (idp.tamper === "signature") {
      const sig = Buffer.from(s, "base64url");
      sig[sig.length - 1] ^= 0x01;
      body.id_token = `${h}.${p}.${b64url(sig)}`;
    } else {
      const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
      body.id_token = sign(JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as Record<string, unknown>, { ...payload, iss: "http://idp.invalid" });
    }
  });

  const oidc = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    if (!url.pathname.startsWith("/interaction/")) return oidc(req, res);
    interaction(req, res, url).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , uid, action] = url.pathname.split("/");
    const details = await provider.interactionDetails(req, res);
    const send = (html: string, status = 200) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    };
    if (req.method === "GET" && details.prompt.name === "login") return send(loginPage(uid));
    if (req.method === "GET") return send(consentPage(uid, details.params.scope ?? ""));
    if (action === "login") {
      const form = await formBody(req);
      const user = byUsername.get(form.get("username") ?? "");
      if (!user || user.password !== form.get("password")) return send(loginPage(uid, "Wrong username or password."), 401);
      return provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
    }
    if (action === "confirm") {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id! });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant!.addResourceScope(indicator, scopes.join(" "));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
    }
    if (action === "abort")
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "The user declined." }, { mergeWithLastSubmission: false });
    send(page("Not found", ""), 404);
  }

  return idp;
}

function loginPage(uid: string, error?: string): string {
  return page(
    "Sign in to the test identity provider",
    `${error ? `<p role="alert">${esc(error)}</p>` : ""}<form method="post" action="/interaction/${esc(uid)}/login">
<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p></form>`,
  );
}

function consentPage(uid: string, scope: string): string {
  return page(
    "Allow Lodestone to use your account?",
    `<p>Lodestone asks for: ${esc(scope)}</p>
<form method="post" action="/interaction/${esc(uid)}/confirm"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit">Deny</button></form>`,
  );
}
