import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createIracingSource, IracingMaintenanceError, IracingNotConfiguredError } from "@/lib/iracing/source";
import { readToken, tokenAccount } from "@/lib/iracing/token-store";
import { IRACING_DEMO_CREDENTIALS } from "@/sim/iracing";
import { useTestDatabase } from "../support/database";
import { upstreamCalls, useIracingSimulator } from "./sync-support";

const FAST = { max: 2, baseDelayMs: 10, maxDelayMs: 50 };

describe("iRacing client against the simulator", () => {
  const database = useTestDatabase();
  const handle = useIracingSimulator({ accessTokenSeconds: 600, refreshTokenSeconds: 3600, linkSeconds: 60 });
  const control = async (action: string, body: unknown) => {
    const response = await fetch(`${handle.sim.url}/_control/iracing/${action}`, { method: "POST", body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  };
  afterEach(async () => {
    await control("maintenance", { on: false });
    await control("rate-limit", { limit: 240, windowSeconds: 300 });
  });

  it("follows signed links without the Authorization header and returns the data", async () => {
    const series = (await createIracingSource().fetch("series/get")) as { series_id: number }[];
    expect(series).toHaveLength(24);
    // The simulator answers 400 to a link fetched with Authorization: getting data proves it was left out.
    const calls = await upstreamCalls(database.sql, new Date(0));
    expect(calls.map((call) => call.endpoint)).toEqual(expect.arrayContaining(["series/get", "series/get (link)"]));
  });

  it("concatenates chunked results in order", async () => {
    const source = createIracingSource();
    const seasons = (await source.fetch("series/seasons", { include_series: false })) as { season_id: number; car_class_ids: number[] }[];
    const season = seasons.find((s) => s.car_class_ids.length > 0)!;
    const { body, rows } = await source.rows("stats/season_driver_standings", { season_id: season.season_id, car_class_id: season.car_class_ids[0] });
    const info = (body as { chunk_info: { rows: number; num_chunks: number } }).chunk_info;
    expect(info.num_chunks).toBeGreaterThan(1);
    expect(rows).toHaveLength(info.rows);
  });

  it("waits for the rate-limit window's reset on 429 instead of failing", async () => {
    await control("rate-limit", { limit: 2, windowSeconds: 2 });
    const source = createIracingSource({ retries: FAST });
    const started = Date.now();
    for (let i = 0; i < 4; i += 1) await source.fetch("constants/categories");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it("reports maintenance (503) as such after its retries", async () => {
    await control("maintenance", { on: true });
    await expect(createIracingSource({ retries: FAST }).fetch("series/get")).rejects.toBeInstanceOf(IracingMaintenanceError);
  });

  it("re-authenticates once when the data API answers 401", async () => {
    const source = createIracingSource();
    await source.token();
    // A simulator started over (another seed) forgets every token it issued: the stored one now gets 401.
    await handle.sim.reset(6);
    const account = tokenAccount(IRACING_DEMO_CREDENTIALS);
    const before = await readToken(account);
    expect(await source.fetch("constants/divisions")).toBeInstanceOf(Array);
    expect((await readToken(account))!.accessToken).not.toBe(before!.accessToken);
  });

  it("refreshes an expiring token once for two instances sharing it (single-use refresh tokens)", async () => {
    const first = createIracingSource();
    const second = createIracingSource();
    const initial = await first.token();
    expect(await second.token()).toBe(initial);
    // Ten minutes on: the access token has expired, the refresh token has not.
    await control("advance", { seconds: 601 });
    await database.sql`update iracing_tokens set access_expires_at = now() - interval '1 second'`;
    const [a, b] = await Promise.all([createIracingSource().token(), createIracingSource().token()]);
    expect(a).toBe(b);
    expect(a).not.toBe(initial);
    expect(await createIracingSource().fetch("constants/categories")).toBeInstanceOf(Array);
  });

  it("keeps the shared token pair sealed in the database", async () => {
    const token = await createIracingSource().token();
    const [row] = await database.sql<{ access_token: string; refresh_token: string | null }[]>`select access_token, refresh_token from iracing_tokens`;
    const stored = await readToken(tokenAccount(IRACING_DEMO_CREDENTIALS));
    expect(stored!.accessToken).toBe(token);
    expect(stored!.refreshToken).toBeTruthy();
    expect(row!.access_token).not.toContain(token);
    expect(row!.refresh_token).not.toContain(stored!.refreshToken!);
    // Other credentials (a changed password) cannot open it, so they log in for themselves.
    expect(await readToken(tokenAccount({ ...IRACING_DEMO_CREDENTIALS, password: "another password" }))).toBeNull();
  });

  it("logs in again instead of using a token it cannot open (a row an earlier version stored in clear)", async () => {
    const token = await createIracingSource().token();
    await database.sql`update iracing_tokens set access_token = ${token}, refresh_token = null`;
    const fresh = await createIracingSource().token();
    expect(fresh).not.toBe(token);
    expect(await createIracingSource().fetch("constants/categories")).toBeInstanceOf(Array);
    const [row] = await database.sql<{ access_token: string }[]>`select access_token from iracing_tokens`;
    expect(row!.access_token).not.toContain(fresh);
  });

  it("says which credentials are missing instead of calling", async () => {
    const saved = process.env.IRACING_PASSWORD;
    delete process.env.IRACING_PASSWORD;
    resetEnvCache();
    try {
      await expect(createIracingSource().fetch("series/get")).rejects.toThrow(IracingNotConfiguredError);
      await expect(createIracingSource().fetch("series/get")).rejects.toThrow(/IRACING_PASSWORD/);
    } finally {
      process.env.IRACING_PASSWORD = saved;
      resetEnvCache();
    }
  });
});
