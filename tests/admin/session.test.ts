import { describe, expect, it } from "vitest";
import { secretMatches, sessionKey, signSession, verifySession } from "@/lib/admin/session";
import { loginPath, safeReturnPath } from "@/lib/admin/paths";

const key = sessionKey("a-session-secret-that-is-long-enough-000", "the-admin-password");
const t0 = new Date("2026-11-22T10:00:00Z");

describe("admin session cookie", () => {
  it("verifies a fresh session and reports its expiry", () => {
    const token = signSession(key, t0, 3600);
    const session = verifySession(token, key, new Date(t0.getTime() + 1000));
    expect(session?.issuedAt).toEqual(t0);
    expect(session?.expiresAt).toEqual(new Date(t0.getTime() + 3600_000));
  });

  it("refuses a session once it has expired", () => {
    const token = signSession(key, t0, 3600);
    expect(verifySession(token, key, new Date(t0.getTime() + 3599_000))).not.toBeNull();
    expect(verifySession(token, key, new Date(t0.getTime() + 3600_000))).toBeNull();
  });

  it("refuses a session whose expiry was extended by hand", () => {
    const token = signSession(key, t0, 3600);
    const parts = token.split(".");
    parts[2] = String(Number(parts[2]) + 86_400);
    expect(verifySession(parts.join("."), key, new Date(t0.getTime() + 7200_000))).toBeNull();
  });

  it("refuses a tampered signature, a truncated token and junk", () => {
    const token = signSession(key, t0);
    // Every other spelling of the last character, including those that decode to the same bytes.
    for (const other of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".replace(token.at(-1)!, "")) {
      expect(verifySession(token.slice(0, -1) + other, key, t0)).toBeNull();
    }
    expect(verifySession(token.split(".").slice(0, 4).join("."), key, t0)).toBeNull();
    expect(verifySession("v1.a.b.c.d", key, t0)).toBeNull();
    expect(verifySession("", key, t0)).toBeNull();
    expect(verifySession(undefined, key, t0)).toBeNull();
  });

  it("refuses a session signed with another secret or for another password", () => {
    const token = signSession(key, t0);
    expect(verifySession(token, sessionKey("another-session-secret-that-is-long-0000", "the-admin-password"), t0)).toBeNull();
    expect(verifySession(token, sessionKey("a-session-secret-that-is-long-enough-000", "a-new-admin-password"), t0)).toBeNull();
  });

  it("gives every login its own token", () => {
    expect(signSession(key, t0)).not.toBe(signSession(key, t0));
  });
});

describe("constant-time secret comparison", () => {
  it("matches only the exact secret, whatever the lengths", () => {
    expect(secretMatches("the-admin-password", "the-admin-password")).toBe(true);
    expect(secretMatches("the-admin-passwore", "the-admin-password")).toBe(false);
    expect(secretMatches("the-admin-password ", "the-admin-password")).toBe(false);
    expect(secretMatches("", "the-admin-password")).toBe(false);
    expect(secretMatches("x".repeat(10_000), "the-admin-password")).toBe(false);
  });
});

describe("return path after login", () => {
  it("keeps admin paths and refuses everything else", () => {
    expect(safeReturnPath("/admin/runs?kind=platform.selftest")).toBe("/admin/runs?kind=platform.selftest");
    expect(safeReturnPath("/admin")).toBe("/admin");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/admin", "/adminx", "/admin//evil", "/admin/login", "/", null]) {
      expect(safeReturnPath(bad)).toBe("/admin");
    }
  });

  it("builds the login URL with the page to come back to", () => {
    expect(loginPath("/admin")).toBe("/admin/login");
    expect(loginPath("/admin/runs?status=failed")).toBe("/admin/login?next=%2Fadmin%2Fruns%3Fstatus%3Dfailed");
  });
});
