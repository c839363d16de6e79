import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminGate } from "@/lib/admin/proxy";
import { sessionKey, signSession } from "@/lib/admin/session";
import { resetEnvCache } from "@/lib/env";

const PASSWORD = "proxy-test-admin-password";
const SECRET = "proxy-test-session-secret-0123456789abcdef";

function visit(path: string, cookie?: string) {
  const headers = cookie ? { cookie: `pitwall_admin=${cookie}` } : undefined;
  return adminGate(new NextRequest(`http://pitwall.test${path}`, { headers }));
}

const redirectTarget = (response: Response) => response.headers.get("location");
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("admin proxy gate", () => {
  beforeEach(() => {
    process.env.ADMIN_PASSWORD = PASSWORD;
    process.env.SESSION_SECRET = SECRET;
    resetEnvCache();
  });
  afterEach(() => {
    delete process.env.ADMIN_PASSWORD;
    delete process.env.SESSION_SECRET;
    resetEnvCache();
  });

  it("sends visitors without a session to the login page, remembering where they were going", () => {
    expect(redirectTarget(visit("/admin"))).toBe("http://pitwall.test/admin/login");
    expect(redirectTarget(visit("/admin/runs/abc?x=1"))).toBe("http://pitwall.test/admin/login?next=%2Fadmin%2Fruns%2Fabc%3Fx%3D1");
  });

  it("lets a valid session through and refuses a forged or expired one", () => {
    const key = sessionKey(SECRET, PASSWORD);
    expect(passedOn(visit("/admin/ledger", signSession(key)))).toBe(true);
    expect(redirectTarget(visit("/admin/ledger", signSession(sessionKey("some-other-secret-0123456789abcdef", PASSWORD))))).toMatch(/\/admin\/login/);
    const expired = signSession(key, new Date(Date.now() - 13 * 3600_000));
    expect(redirectTarget(visit("/admin/ledger", expired))).toMatch(/\/admin\/login/);
  });

  it("leaves the login page and the JSON poll endpoint to answer for themselves", () => {
    expect(passedOn(visit("/admin/login"))).toBe(true);
    expect(passedOn(visit("/admin/login?next=%2Fadmin%2Fruns"))).toBe(true);
    expect(passedOn(visit("/admin/live"))).toBe(true);
  });

  it("sends everyone to the login page (which explains why) when the admin area is disabled", () => {
    delete process.env.ADMIN_PASSWORD;
    resetEnvCache();
    const key = sessionKey(SECRET, PASSWORD);
    expect(redirectTarget(visit("/admin", signSession(key)))).toBe("http://pitwall.test/admin/login");
  });
});
