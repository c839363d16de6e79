import { createHash } from "node:crypto";
import { hash32, hashString } from "../random";
import type { SimRequest, SimResponse } from "../server";

export interface DemoCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/** The password_limited masking: base64(sha256(secret + lower(trim(id)))). */
function masked(secret: string, id: string): string {
  return createHash("sha256").update(secret + id.trim().toLowerCase()).digest("base64");
}

const oauthError = (status: number, error: string, description: string): SimResponse => ({
  status,
  headers: { "cache-control": "no-store" },
  body: { error, error_description: description },
});

/**
 * `POST /oauth2/token` of oauth.iracing.com: the password_limited and refresh_token grants. Refresh tokens are single
 * use (a refresh retires the one it was given); access tokens expire after `accessSeconds`.
 */
export class TokenDesk {
  private readonly access = new Map<string, number>();
  private readonly refresh = new Map<string, { expiresMs: number; used: boolean }>();
  private issued = 0;

  constructor(
    private readonly seed: number,
    private readonly credentials: DemoCredentials,
    private readonly accessSeconds: number,
    private readonly refreshSeconds: number,
  ) {}

  /** True when `token` is a live access token at `nowMs`. */
  accepts(token: string, nowMs: number): boolean {
    const expiresMs = this.access.get(token);
    return expiresMs !== undefined && nowMs < expiresMs;
  }

  handle(req: SimRequest, nowMs: number): SimResponse {
    if (req.method !== "POST") return oauthError(405, "invalid_request", "the token endpoint accepts POST only");
    if (!String(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return oauthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
    }
    const form = new URLSearchParams(req.body);
    const { clientId, clientSecret, username, password } = this.credentials;
    if (form.get("client_id") !== clientId || form.get("client_secret") !== masked(clientSecret, clientId)) {
      return oauthError(401, "invalid_client", "client authentication failed");
    }
    const grant = form.get("grant_type");
    if (grant === "password_limited") {
      const user = form.get("username") ?? "";
      if (user.trim().toLowerCase() !== username.trim().toLowerCase() || form.get("password") !== masked(password, username)) {
        return oauthError(400, "invalid_grant", "invalid username or password");
      }
      return this.issue(nowMs, form.get("scope") ?? "iracing.auth");
    }
    if (grant === "refresh_token") {
      const token = form.get("refresh_token") ?? "";
      const known = this.refresh.get(token);
      if (!known) return oauthError(400, "invalid_grant", "unknown refresh token");
      if (known.used) return oauthError(400, "invalid_grant", "refresh token already used");
      if (nowMs >= known.expiresMs) return oauthError(400, "invalid_grant", "refresh token expired");
      known.used = true;
      return this.issue(nowMs, "iracing.auth");
    }
    return oauthError(400, "unsupported_grant_type", `grant_type ${JSON.stringify(grant)} is not supported`);
  }

  private issue(nowMs: number, scope: string): SimResponse {
    this.issued += 1;
    const token = (kind: string) => `${kind}.${this.issued}.${hash32(this.seed, this.issued, hashString(kind)).toString(36)}${hash32(this.seed, this.issued, 7).toString(36)}`;
    const accessToken = token("at");
    const refreshToken = token("rt");
    this.access.set(accessToken, nowMs + this.accessSeconds * 1000);
    this.refresh.set(refreshToken, { expiresMs: nowMs + this.refreshSeconds * 1000, used: false });
    return {
      headers: { "cache-control": "no-store" },
      body: {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: this.accessSeconds,
        refresh_token: refreshToken,
        refresh_token_expires_in: this.refreshSeconds,
        scope,
      },
    };
  }
}
