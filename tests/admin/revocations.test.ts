import { describe, expect, it } from "vitest";
import { isRevoked, pruneAdminState, revokeSession } from "@/lib/admin/revocations";
import { recordLoginAttempt } from "@/lib/admin/login-limit";
import { useTestDatabase } from "../support/database";

describe("admin sessions ended on the server", () => {
  const database = useTestDatabase();
  const session = (id: string, expiresInMs: number) => ({ id, issuedAt: new Date(), expiresAt: new Date(Date.now() + expiresInMs) });

  it("revokes a session for every copy of its cookie, once", async () => {
    const open = session("nonce-open", 3600_000);
    expect(await isRevoked(open)).toBe(false);
    await revokeSession(open);
    await revokeSession(open);
    expect(await isRevoked(open)).toBe(true);
    expect(await isRevoked(session("nonce-other", 3600_000))).toBe(false);
  });

  it("prunes revocations of expired sessions and login windows long over, keeping the rest", async () => {
    await revokeSession(session("nonce-expired", -1000));
    await recordLoginAttempt("198.51.100.70");
    await database.sql`insert into admin_login_attempts (client_key, window_started_at, attempts) values ('198.51.100.71', now() - interval '2 hours', 9)`;
    expect(await pruneAdminState()).toEqual({ revocations: 1, loginAttempts: 1 });
    expect(await isRevoked(session("nonce-open", 3600_000))).toBe(true);
    const left = await database.sql<{ client: string }[]>`select client_key as client from admin_login_attempts`;
    expect(left).toEqual([{ client: "198.51.100.70" }]);
  });
});
