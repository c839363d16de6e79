import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { IracingCredentials } from "./credentials";

// The shared token pair is kept sealed (AES-256-GCM): a database dump, a backup or a read-only SQL login yields no
// usable iRacing token. The key is derived from the client secret and password that every instance already holds to
// log in, so no new secret is needed, and whoever can open a token could have logged in anyway.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The sealing key for one set of credentials (HKDF-SHA256 over the client secret and the password). */
export function tokenSealKey(credentials: Pick<IracingCredentials, "clientSecret" | "password">): Buffer {
  return Buffer.from(hkdfSync("sha256", `${credentials.clientSecret}\n${credentials.password}`, "pitwall", "iracing token at rest", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function sealToken(key: Buffer, token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/**
 * The token inside `stored`, or null when it cannot be opened with this key: a row written before tokens were sealed,
 * or sealed under credentials that have since changed. Either way the caller logs in again and overwrites it.
 */
export function openToken(key: Buffer, stored: string): string | null {
  const [version, iv, tag, sealed, ...rest] = stored.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
