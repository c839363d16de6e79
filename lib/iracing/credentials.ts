import { createHash } from "node:crypto";

// The OAuth2 password_limited grant never sends a secret in clear: the client secret is masked with the client id and
// the password with the username, as base64(sha256(secret + lower(trim(id)))).

export interface IracingCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/** The masked form of `secret` for `id` (the client id for the client secret, the username for the password). */
export function maskSecret(secret: string, id: string): string {
  return createHash("sha256").update(`${secret}${id.trim().toLowerCase()}`, "utf8").digest("base64");
}

/** Scopes Pitwall asks for: `iracing.auth` is the one the Data API needs. */
export const TOKEN_SCOPE = "iracing.auth";

/** The form body of `POST /oauth2/token` for the password_limited grant. */
export function passwordGrantForm(credentials: IracingCredentials, scope = TOKEN_SCOPE): URLSearchParams {
  return new URLSearchParams({
    grant_type: "password_limited",
    client_id: credentials.clientId,
    client_secret: maskSecret(credentials.clientSecret, credentials.clientId),
    username: credentials.username,
    password: maskSecret(credentials.password, credentials.username),
    scope,
  });
}

/** The form body that trades a refresh token (single use) for a new pair of tokens. */
export function refreshGrantForm(credentials: Pick<IracingCredentials, "clientId" | "clientSecret">, refreshToken: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: "refresh_token",
    client_id: credentials.clientId,
    client_secret: maskSecret(credentials.clientSecret, credentials.clientId),
    refresh_token: refreshToken,
  });
}
