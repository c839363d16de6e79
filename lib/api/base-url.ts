import { env } from "@/lib/env";

/**
 * Where clients reach Pitwall: PUBLIC_BASE_URL when set (behind a proxy the request's own host may be an
 * internal name), otherwise the host the request came to.
 */
export function apiBaseUrl(headers: Headers): string {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? `localhost:${env().PORT}`;
  const proto = headers.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
