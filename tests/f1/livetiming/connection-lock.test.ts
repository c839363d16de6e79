import { describe, expect, it } from "vitest";
import { holdConnectionLock } from "@/lib/f1/livetiming/connection-lock";
import { useTestDatabase } from "../../support/database";

describe("one live-timing connection per session", () => {
  const database = useTestDatabase();

  it("lets one holder follow a session at a time, and the next one once it lets go", async () => {
    const first = await holdConnectionLock(9158);
    expect(first).not.toBeNull();
    expect(await holdConnectionLock(9158)).toBeNull();
    // Another session is free.
    const other = await holdConnectionLock(9159);
    expect(other).not.toBeNull();
    await first?.release();
    const next = await holdConnectionLock(9158);
    expect(next).not.toBeNull();
    await Promise.all([next?.release(), other?.release()]);
  });

  it("frees the session when the holder's connection dies", async () => {
    const held = await holdConnectionLock(9160);
    expect(held).not.toBeNull();
    await database.sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = 9160 and granted`;
    const taken = await (async () => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const lock = await holdConnectionLock(9160);
        if (lock) return lock;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return null;
    })();
    expect(taken).not.toBeNull();
    await taken?.release();
  });
});
