import { describe, expect, it } from "vitest";
import { health } from "@/lib/health";
import { useTestDatabase } from "./support/database";

describe("health", () => {
  const database = useTestDatabase();

  it("reports a reachable database with current migrations", async () => {
    const report = await health();
    expect(report.database.reachable).toBe(true);
    expect(report.migrations).toMatchObject({ current: true });
    expect(report.ok).toBe(true);
    expect(report.jobRunner).toBe("local");
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("says migrations are not current when one is missing", async () => {
    await database.sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`;
    const report = await health();
    expect(report.migrations?.current).toBe(false);
    expect(report.ok).toBe(false);
  });
});
