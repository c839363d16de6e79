import { createHmac, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import { sql } from "@/lib/db";
import { databaseUrl } from "@/lib/env";

// Shared through globalThis: Next bundles instrumentation and route handlers separately, both need the key.
const g = globalThis as unknown as { __pitwallSigningKeys?: Map<string, string> };
const keys = (g.__pitwallSigningKeys ??= new Map<string, string>());

/** The installation's signing key if it has been loaded in this process (see loadSigningKey). */
export function cachedSigningKey(): string | undefined {
  return keys.get(databaseUrl());
}

/**
 * The key the local executor signs its requests to /api/inngest with. Made once per installation and kept in
 * the database, so every app instance on that database signs and verifies with the same key.
 */
export async function loadSigningKey(): Promise<string> {
  const url = databaseUrl();
  const known = keys.get(url);
  if (known) return known;
  const fresh = `signkey-prod-${randomBytes(32).toString("hex")}`;
  await sql()`insert into job_installation (id, signing_key) values (1, ${fresh}) on conflict (id) do nothing`;
  const [row] = await sql()<{ signingKey: string }[]>`select signing_key as "signingKey" from job_installation where id = 1`;
  if (!row) throw new Error("job_installation has no signing key after insert");
  keys.set(url, row.signingKey);
  return row.signingKey;
}

/**
 * The `x-inngest-signature` header an Inngest server sends: HMAC-SHA256 over the canonical JSON body followed by
 * the unix time, keyed with the signing key minus its `signkey-<env>-` prefix.
 */
export function signatureHeader(body: unknown, signingKey: string, now = Date.now()): string {
  const t = Math.floor(now / 1000).toString();
  const encoded = typeof body === "string" ? body : (canonicalize(body) ?? "");
  const s = createHmac("sha256", signingKey.replace(/^signkey-\w+-/, ""))
    .update(encoded + t)
    .digest("hex");
  return `t=${t}&s=${s}`;
}
