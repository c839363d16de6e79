import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as kindsGET } from "@/app/api/v1/admin/sync-kinds/route";
import { GET as runGET } from "@/app/api/v1/admin/sync-runs/[id]/route";
import { POST as triggerPOST } from "@/app/api/v1/admin/syncs/[kind]/route";
import { resetEnvCache } from "@/lib/env";
import { useTestExecutor } from "../jobs/support";
import { useTestDatabase } from "../support/database";

const run = promisify(execFile);
const TOKEN = "cli-admin-token-0123456789";

/** `npm run sync -- ...` as a separate process, with the given settings. */
function cli(args: string[], settings: Record<string, string | undefined>) {
  const environment: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent", ...settings };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
  return run(process.execPath, ["--import", "tsx", "scripts/sync.ts", ...args], { env: environment, timeout: 90_000 }).then(
    (done) => ({ code: 0, out: done.stdout, err: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, out: failed.stdout, err: failed.stderr }),
  );
}

describe("npm run sync", () => {
  const database = useTestDatabase();
  useTestExecutor();
  let server: Server;
  let url = "";

  // The admin API of a running Pitwall, served by its own route handlers.
  beforeAll(async () => {
    process.env.ADMIN_API_TOKEN = TOKEN;
    resetEnvCache();
    server = createServer(async (req, res) => {
      const body = await new Promise<string>((resolve) => {
        let text = "";
        req.on("data", (chunk: Buffer) => (text += chunk.toString()));
        req.on("end", () => resolve(text));
      });
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: body || undefined });
      const path = new URL(request.url).pathname;
      const kind = /^\/api\/v1\/admin\/syncs\/([^/]+)$/.exec(path)?.[1];
      const runId = /^\/api\/v1\/admin\/sync-runs\/([^/]+)$/.exec(path)?.[1];
      const response = kind
        ? await triggerPOST(request, { params: Promise.resolve({ kind }) })
        : runId
          ? await runGET(request, { params: Promise.resolve({ id: runId }) })
          : await kindsGET(request);
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    delete process.env.ADMIN_API_TOKEN;
    resetEnvCache();
  });

  it("lists the kinds with their parameters", async () => {
    const { code, out } = await cli(["--list"], { PITWALL_URL: url, ADMIN_API_TOKEN: TOKEN });
    expect(code).toBe(0);
    expect(out).toContain("platform.selftest  Platform self-test");
    expect(out).toContain("raceroom.full-refresh  RaceRoom full refresh");
  });

  it("starts a kind through the admin API, follows it, and exits 0 when it succeeds", async () => {
    const { code, out } = await cli(["platform.selftest", "--wait"], { PITWALL_URL: url, ADMIN_API_TOKEN: TOKEN });
    expect(code).toBe(0);
    expect(out).toMatch(/Platform self-test: run [0-9a-f-]{36} started/);
    expect(out).toContain("succeeded: 20 / 20");
    const [row] = await database.sql<{ trigger: string; status: string }[]>`select trigger, status from sync_runs order by queued_at desc limit 1`;
    expect(row).toEqual({ trigger: "api", status: "succeeded" });
  });

  it("exits non-zero with the reason for a kind or a parameter that does not exist, or without the token", async () => {
    expect(await cli(["raceroom.nothing"], { PITWALL_URL: url, ADMIN_API_TOKEN: TOKEN })).toMatchObject({ code: 1, err: expect.stringContaining('No sync kind "raceroom.nothing"') });
    expect(await cli(["platform.selftest", "--param", "laps=3"], { PITWALL_URL: url, ADMIN_API_TOKEN: TOKEN })).toMatchObject({
      code: 1,
      err: expect.stringContaining("--param laps: not a parameter of this kind"),
    });
    expect(await cli(["platform.selftest"], { PITWALL_URL: url, ADMIN_API_TOKEN: undefined })).toMatchObject({ code: 1, err: expect.stringContaining("ADMIN_API_TOKEN is not set") });
    expect(await cli(["platform.selftest"], { PITWALL_URL: url, ADMIN_API_TOKEN: "short" })).toMatchObject({
      code: 1,
      err: "Invalid environment configuration:\n  - ADMIN_API_TOKEN: invalid (use at least 16 characters)\n",
    });
  });

  it("with --local, runs the kind in its own process against the database, and exits when it ends", async () => {
    const { code, out } = await cli(["platform.selftest", "--local"], { DATABASE_URL: database.url, PITWALL_DB_POOL: "4" });
    expect(code).toBe(0);
    expect(out).toContain("succeeded: 20 / 20");
    const [row] = await database.sql<{ trigger: string; status: string }[]>`select trigger, status from sync_runs where trigger = 'cli'`;
    expect(row).toEqual({ trigger: "cli", status: "succeeded" });
  });
});
