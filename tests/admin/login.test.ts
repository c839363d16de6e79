import { describe, expect, it } from "vitest";
import { checkLogin } from "@/lib/admin/login";
import { LOGIN_ATTEMPTS_PER_WINDOW, recordLoginAttempt } from "@/lib/admin/login-limit";
import { sessionKey } from "@/lib/admin/session";
import type { AdminConfig } from "@/lib/admin/config";
import { useTestDatabase } from "../support/database";

const password = "the-admin-password";
const config: AdminConfig = { enabled: true, password, key: sessionKey("a-session-secret-that-is-long-enough-000", password) };

describe("admin login rate limit (Postgres)", () => {
  const database = useTestDatabase();

  it("accepts the right password and refuses a wrong one with the attempts left", async () => {
    expect(await checkLogin(config, "10.0.0.1", password)).toEqual({ ok: true });
    expect(await checkLogin(config, "10.0.0.1", "wrong-password")).toEqual({ ok: false, error: "Wrong password. 4 attempts left this minute." });
  });

  it("blocks the sixth attempt in a minute, even with the right password, and names the wait", async () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_WINDOW; i++) {
      expect(await checkLogin(config, "10.0.0.2", `guess-${i}`)).toMatchObject({ ok: false, error: expect.stringMatching(/^Wrong password/) });
    }
    const blocked = await checkLogin(config, "10.0.0.2", password);
    expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many login attempts\. Try again in (\d+) s\.$/) });
    const wait = Number(/in (\d+) s/.exec((blocked as { error: string }).error)?.[1]);
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect(await checkLogin(config, "10.0.0.3", password)).toEqual({ ok: true });
  });

  it("opens a new window once the minute has passed", async () => {
    for (let i = 0; i <= LOGIN_ATTEMPTS_PER_WINDOW; i++) await recordLoginAttempt("10.0.0.4");
    expect(await recordLoginAttempt("10.0.0.4")).toMatchObject({ allowed: false });
    await database.sql`update admin_login_attempts set window_started_at = now() - interval '61 seconds' where client_key = '10.0.0.4'`;
    expect(await recordLoginAttempt("10.0.0.4")).toEqual({ allowed: true, remaining: LOGIN_ATTEMPTS_PER_WINDOW - 1 });
  });

  it("holds under concurrent attempts: exactly five of twenty get through", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => recordLoginAttempt("10.0.0.5")));
    expect(results.filter((r) => r.allowed)).toHaveLength(LOGIN_ATTEMPTS_PER_WINDOW);
  });

  it("a successful login resets the client's count", async () => {
    for (let i = 0; i < 3; i++) await checkLogin(config, "10.0.0.6", "wrong-password");
    expect(await checkLogin(config, "10.0.0.6", password)).toEqual({ ok: true });
    const [row] = await database.sql`select count(*)::int as n from admin_login_attempts where client_key = '10.0.0.6'`;
    expect(row?.n).toBe(0);
  });

  it("says how to enable the admin area when it is disabled", async () => {
    const result = await checkLogin({ enabled: false, missing: ["ADMIN_PASSWORD", "SESSION_SECRET"] }, "10.0.0.7", password);
    expect(result).toEqual({ ok: false, error: "The admin area is disabled: set ADMIN_PASSWORD and SESSION_SECRET in the environment and restart Pitwall." });
  });
});
