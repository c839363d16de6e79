import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/metrics/route";
import { resetEnvCache } from "@/lib/env";
import { flushLedger } from "@/lib/http";
import { observeRequest, routeOf } from "@/lib/metrics/http";
import { startSimulator, type Simulator } from "@/sim/server";
import { probeClient } from "./http/support";
import { useTestDatabase } from "./support/database";

const TOKEN = "metrics-token-0123456789";
const scrape = (token?: string) => GET(new Request("http://pitwall.test/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {}));

describe("GET /metrics", () => {
  const database = useTestDatabase();
  let sim: Simulator;
  let server: Server;

  beforeAll(async () => {
    sim = await startSimulator();
    server = createServer((req, res) => {
      observeRequest(req, res);
      res.writeHead(req.url?.startsWith("/missing") ? 404 : 200).end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sim.close();
    await flushLedger();
  });

  it("is off without METRICS_TOKEN and needs the token when it is set", async () => {
    expect((await scrape()).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    expect((await scrape()).status).toBe(401);
    expect((await scrape("wrong-token-0123456789")).status).toBe(401);
    expect((await scrape(TOKEN)).status).toBe(200);
  });

  it("counts HTTP requests by route and status, upstream calls, sync runs, the executor's queue and the pool", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch(`${base}/raceroom/drivers/4890333`);
    await fetch(`${base}/missing/page`);
    await probeClient(sim, { source: "metrics-probe" }).getJson("/json?size=10");
    await database.sql`insert into sync_runs (kind, trigger, status) values ('raceroom.full-refresh', 'cron', 'succeeded'), ('raceroom.full-refresh', 'cron', 'failed')`;
    const response = await scrape(TOKEN);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/pitwall_http_requests_total\{method="GET",route="\/raceroom\/drivers\/:id",status="200",service="pitwall"\} 1/);
    expect(text).toMatch(/pitwall_http_requests_total\{method="GET",route="\/missing\/page",status="404",service="pitwall"\} 1/);
    expect(text).toMatch(/pitwall_http_request_duration_seconds_bucket\{le="\+Inf",service="pitwall",method="GET",route="\/raceroom\/drivers\/:id"\} 1/);
    expect(text).toMatch(/pitwall_upstream_calls_total\{source="metrics-probe",status="200",outcome="ok",service="pitwall"\} 1/);
    expect(text).toMatch(/pitwall_sync_runs\{kind="raceroom.full-refresh",status="failed",service="pitwall"\} 1/);
    expect(text).toMatch(/pitwall_executor_queue_depth\{due="now",service="pitwall"\} 0/);
    expect(text).toMatch(/pitwall_db_connections\{state="active",service="pitwall"\} [1-9]/);
    expect(text).toMatch(/pitwall_db_pool_max\{service="pitwall"\} \d+/);
    expect(text).toMatch(/pitwall_process_resident_memory_bytes/);
  });

  it("has every metric the Grafana dashboard charts", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    const text = await (await scrape(TOKEN)).text();
    const dashboard = await readFile("deploy/grafana/pitwall.json", "utf8");
    const charted = new Set(dashboard.match(/pitwall_[a-z0-9_]+/g));
    expect(charted.size).toBeGreaterThan(8);
    for (const name of charted) expect(text, `${name} is exported`).toContain(`# TYPE ${name.replace(/_bucket$/, "")} `);
  });

  it("names routes with placeholders, so labels stay few", () => {
    expect(routeOf("/raceroom/leaderboards/1671/1703?page=2")).toBe("/raceroom/leaderboards/:id/:id");
    expect(routeOf("/admin/runs/0b9e6a3c-4f2d-4e35-9a57-2f7c1d3e4b5a")).toBe("/admin/runs/:uuid");
    expect(routeOf("/_next/static/chunks/app.js")).toBe("/_next/*");
  });
});
