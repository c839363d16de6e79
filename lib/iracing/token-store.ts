import { createHash } from "node:crypto";
import { sql } from "@/lib/db";
import type { IracingCredentials } from "./credentials";
import type { TokenPair } from "./token";
import { openToken, sealToken, tokenSealKey } from "./token-seal";

// The token pair lives in Postgres so that every app instance uses one: refresh tokens are single use, and two
// instances refreshing with the same one would leave one of them logged out. Whoever needs a new token takes a
// transaction-scoped advisory lock, looks again (another instance may have just refreshed) and only then asks.

/** An access token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;
const LOCK_KEY = "iracing.token";

/** Where one account's tokens are kept, and the key they are sealed with. */
export interface TokenAccount {
  /** The row's key: a fingerprint of the client id and username, never the names themselves. */
  key: string;
  sealKey: Buffer;
}

export function tokenAccount(credentials: IracingCredentials): TokenAccount {
  const key = createHash("sha256").update(`${credentials.clientId.trim()}\n${credentials.username.trim().toLowerCase()}`).digest("hex");
  return { key, sealKey: tokenSealKey(credentials) };
}

// Timestamps arrive as text (the pool's type parsers are Drizzle's).
interface TokenRow {
  access_token: string;
  access_expires_at: string;
  refresh_token: string | null;
  refresh_expires_at: string | null;
}

/** The stored pair, or null when it cannot be opened with this account's key (the caller then logs in again). */
function toPair(account: TokenAccount, row: TokenRow | undefined): TokenPair | null {
  const accessToken = row ? openToken(account.sealKey, row.access_token) : null;
  if (!row || accessToken === null) return null;
  const refreshToken = row.refresh_token === null ? null : openToken(account.sealKey, row.refresh_token);
  return {
    accessToken,
    accessTokenExpiresAt: new Date(row.access_expires_at),
    refreshToken,
    refreshTokenExpiresAt: refreshToken === null || row.refresh_expires_at === null ? null : new Date(row.refresh_expires_at),
    scope: null,
  };
}

export const usable = (pair: TokenPair | null, now = Date.now()): pair is TokenPair => pair !== null && pair.accessTokenExpiresAt.getTime() - EXPIRY_MARGIN_MS > now;

export async function readToken(account: TokenAccount): Promise<TokenPair | null> {
  const [row] = await sql()<TokenRow[]>`
    select access_token, access_expires_at, refresh_token, refresh_expires_at from iracing_tokens where account = ${account.key}`;
  return toPair(account, row);
}

/**
 * A usable token for `account`: the stored one unless it is about to expire or is `rejected` (the data API answered
 * 401 to it); otherwise `obtain` is called with the stored pair (to refresh it) while this process holds the lock,
 * and its answer is stored for every instance.
 */
export async function sharedToken(account: TokenAccount, rejected: string | null, obtain: (stored: TokenPair | null) => Promise<TokenPair>): Promise<TokenPair> {
  return sql().begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${LOCK_KEY}, 0))`;
    const [row] = await tx<TokenRow[]>`
      select access_token, access_expires_at, refresh_token, refresh_expires_at from iracing_tokens where account = ${account.key}`;
    const stored = toPair(account, row);
    if (usable(stored) && stored.accessToken !== rejected) return stored;
    const fresh = await obtain(stored);
    await tx`
      insert into iracing_tokens (account, access_token, access_expires_at, refresh_token, refresh_expires_at, updated_at)
      values (${account.key}, ${sealToken(account.sealKey, fresh.accessToken)}, ${fresh.accessTokenExpiresAt.toISOString()}::timestamptz,
        ${fresh.refreshToken === null ? null : sealToken(account.sealKey, fresh.refreshToken)},
        ${fresh.refreshTokenExpiresAt?.toISOString() ?? null}::timestamptz, now())
      on conflict (account) do update set access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
        refresh_token = excluded.refresh_token, refresh_expires_at = excluded.refresh_expires_at, updated_at = now()`;
    return fresh;
  });
}
