import { tokenResponseSchema } from "./api-schemas";
import { envelope, textOrNull } from "./parse/collect";

/** A token pair as Pitwall keeps it: absolute expiry instants rather than lifetimes. */
export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Single use: a refresh returns a new one and retires this one. */
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  scope: string | null;
}

/** Reads the token endpoint's answer; `receivedAt` is when it arrived (lifetimes count from then). */
export function parseTokenResponse(body: unknown, receivedAt: Date): TokenPair {
  const token = envelope(tokenResponseSchema, body, "token response");
  const at = (seconds: number) => new Date(receivedAt.getTime() + seconds * 1000);
  const refreshToken = textOrNull(token.refresh_token);
  return {
    accessToken: token.access_token,
    accessTokenExpiresAt: at(token.expires_in),
    refreshToken,
    refreshTokenExpiresAt: refreshToken !== null && token.refresh_token_expires_in ? at(token.refresh_token_expires_in) : null,
    scope: textOrNull(token.scope),
  };
}
