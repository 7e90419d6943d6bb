import { describe, expect, it } from "vitest";
import { databaseTarget, EnvError, oidcSettings, parseEnv, passwordSignInEnabled } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database", () => {
    const e = parseEnv({});
    expect(databaseTarget(e)).toMatchObject({ kind: "pglite" });
    expect(e.PORT).toBe(3000);
  });
  it("selects PostgreSQL from DATABASE_URL", () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/x" }))).toMatchObject({ kind: "postgres", poolSize: 10 });
  });
  it("rejects a non-PostgreSQL DATABASE_URL with a one-line message", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://localhost/db" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toMatch(/^Invalid configuration: DATABASE_URL: must be a PostgreSQL URL/);
    expect((error as Error).message).not.toContain("\n");
  });
  it("rejects a bad port", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
  });
});

describe("single sign-on settings", () => {
  const SSO = { LODESTONE_OIDC_ISSUER: "https://sso.example.com/realms/group", LODESTONE_OIDC_CLIENT_ID: "lodestone", LODESTONE_OIDC_CLIENT_SECRET: "s3cret" };
  const message = (source: Record<string, string>) => {
    try {
      parseEnv(source);
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      return (err as Error).message;
    }
    throw new Error("parseEnv accepted it");
  };

  it("is off without the issuer, client id and secret; passwords stay on", () => {
    expect(oidcSettings(parseEnv({}))).toBeNull();
    expect(passwordSignInEnabled(parseEnv({}))).toBe(true);
  });

  it("reads the settings with their defaults", () => {
    const e = parseEnv({ ...SSO, LODESTONE_OIDC_GROUP_MAP: "pmo=pmo@GRP", LODESTONE_PASSWORD_SIGN_IN: "false" });
    expect(oidcSettings(e)).toEqual({
      providerId: "oidc",
      issuer: SSO.LODESTONE_OIDC_ISSUER,
      clientId: "lodestone",
      clientSecret: "s3cret",
      scopes: ["openid", "email", "profile"],
      displayName: "single sign-on",
      groupsClaim: "groups",
      groupMap: [{ group: "pmo", role: "pmo", unitCode: "GRP" }],
      trustEmail: false,
    });
    expect(passwordSignInEnabled(e)).toBe(false);
  });

  it("names each missing part when only some are set", () => {
    const m = message({ LODESTONE_OIDC_ISSUER: SSO.LODESTONE_OIDC_ISSUER });
    expect(m).toMatch(/LODESTONE_OIDC_CLIENT_ID: is required for single sign-on/);
    expect(m).toMatch(/LODESTONE_OIDC_CLIENT_SECRET: is required for single sign-on/);
  });

  it("refuses an issuer that is not an http(s) URL, scopes without openid or email, and a bad group map", () => {
    expect(message({ ...SSO, LODESTONE_OIDC_ISSUER: "sso.example.com" })).toMatch(/LODESTONE_OIDC_ISSUER: must be the provider's issuer URL/);
    expect(message({ ...SSO, LODESTONE_OIDC_SCOPES: "openid profile" })).toMatch(/LODESTONE_OIDC_SCOPES: must include "openid" and "email"/);
    expect(message({ ...SSO, LODESTONE_OIDC_GROUP_MAP: "g=root@GRP" })).toMatch(/LODESTONE_OIDC_GROUP_MAP: "g=root@GRP": unknown role "root"/);
  });

  it("refuses turning passwords off, or a group map, without single sign-on", () => {
    expect(message({ LODESTONE_PASSWORD_SIGN_IN: "false" })).toMatch(/LODESTONE_PASSWORD_SIGN_IN: can be false only with single sign-on configured/);
    expect(message({ LODESTONE_OIDC_GROUP_MAP: "pmo=pmo@GRP" })).toMatch(/LODESTONE_OIDC_GROUP_MAP: needs single sign-on configured/);
  });
});
