/** Parameter names whose values never reach the ledger, logs or error messages. */
const SECRET_NAME = /token|password|secret|key|signature|auth|credential/i;

export const REDACTED = "REDACTED";

function isSecret(name: string, secretParams: readonly string[]): boolean {
  return SECRET_NAME.test(name) || secretParams.some((p) => p.toLowerCase() === name.toLowerCase());
}

/** The query parameters of a URL as a plain object, secret values replaced. */
export function redactedParams(url: URL, secretParams: readonly string[] = []): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    params[name] = isSecret(name, secretParams) ? REDACTED : value;
  }
  return Object.keys(params).length > 0 ? params : null;
}

/** The URL as text with secret query values (and any userinfo) replaced, safe for errors and logs. */
export function redactedUrl(url: URL, secretParams: readonly string[] = []): string {
  const safe = new URL(url);
  if (safe.username || safe.password) {
    safe.username = REDACTED;
    safe.password = "";
  }
  for (const name of new Set(safe.searchParams.keys())) {
    if (isSecret(name, secretParams)) safe.searchParams.set(name, REDACTED);
  }
  return safe.toString();
}
