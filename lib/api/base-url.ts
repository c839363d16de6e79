import { env } from "@/lib/env";

/**
 * Where clients reach Pitwall: PUBLIC_BASE_URL when set (behind a proxy the request's own host may be an
 * internal name), else the forwarded or Host header, else `fallbackOrigin` (the request URL's origin).
 */
export function apiBaseUrl(headers: Headers, fallbackOrigin = `http://localhost:${env().PORT}`): string {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const fallback = new URL(fallbackOrigin);
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? fallback.host;
  const proto = headers.get("x-forwarded-proto") ?? fallback.protocol.replace(":", "");
  return `${proto}://${host}`;
}
