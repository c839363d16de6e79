import { parseArgs } from "node:util";
import { z } from "zod";
import { env, resetEnvCache } from "@/lib/env";
import { describeParams, paramsFromPairs, type ParamsSchema } from "./sync/params";
import { followRun, type RunView } from "./sync/progress";

// The app's modules are loaded inside main: a bad setting then ends the command with its one-line-per-problem message,
// not with a stack trace from an import.

const usage = `Start a sync, as the admin dashboard's Run now does:

  npm run sync -- --list                                  the sync kinds and their parameters
  npm run sync -- <kind> [--param key=value ...] [--wait]  against a running Pitwall (PITWALL_URL, ADMIN_API_TOKEN)
  npm run sync -- <kind> --local [--param key=value ...]   in this process, against the database, until the run ends

--wait shows the run's progress and exits 1 if it does not succeed; --local always waits.`;

interface KindInfo {
  kind: string;
  label: string;
  description: string;
  params: ParamsSchema;
}

class CliError extends Error {}

/** The admin API of the running app, with the admin token. */
async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = env().ADMIN_API_TOKEN;
  if (!token) throw new CliError("ADMIN_API_TOKEN is not set: the admin API needs it (or use --local).");
  const url = new URL(path, env().PITWALL_URL);
  const response = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}`, "content-type": "application/json" } }).catch(
    (error: unknown) => {
      throw new CliError(`Pitwall does not answer at ${env().PITWALL_URL} (${error instanceof Error ? error.message : error}): start it, or set PITWALL_URL.`);
    },
  );
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new CliError(body?.error?.message ?? `HTTP ${response.status} from ${url}`);
  return body as T;
}

async function localKinds(): Promise<KindInfo[]> {
  const { syncKinds } = await import("@/lib/jobs/kinds");
  return syncKinds.map((k) => ({ kind: k.kind, label: k.label, description: k.description, params: z.toJSONSchema(k.params, { io: "input" }) as ParamsSchema }));
}

function printKinds(kinds: KindInfo[]): void {
  for (const kind of kinds) {
    console.log(`${kind.kind}  ${kind.label}\n  ${kind.description}`);
    for (const line of describeParams(kind.params)) console.log(`  --param ${line}`);
  }
}

const viewOf = (run: { status: string; progressDone: number; progressTotal: number | null; currentItem: string | null; error: string | null }): RunView => ({
  status: run.status,
  done: run.progressDone,
  total: run.progressTotal,
  currentItem: run.currentItem,
  error: run.error,
});

async function remote(kind: string, pairs: string[], wait: boolean): Promise<number> {
  const { data } = await api<{ data: KindInfo[] }>("/api/v1/admin/sync-kinds");
  const info = data.find((k) => k.kind === kind);
  if (!info) throw new CliError(`No sync kind "${kind}". Known kinds: ${data.map((k) => k.kind).join(", ")}.`);
  const params = paramsFromPairs(pairs, info.params);
  const started = await api<{ syncRunId: string; statusUrl: string }>(`/api/v1/admin/syncs/${kind}`, { method: "POST", body: JSON.stringify({ params }) });
  console.log(`${info.label}: run ${started.syncRunId} started (${started.statusUrl})`);
  if (!wait) return 0;
  const end = await followRun(async () => {
    const run = await api<{ status: string; progress: { done: number; total: number | null; currentItem: string | null }; error: string | null }>(
      `/api/v1/admin/sync-runs/${started.syncRunId}`,
    );
    return { status: run.status, done: run.progress.done, total: run.progress.total, currentItem: run.progress.currentItem, error: run.error };
  });
  return report(end);
}

async function local(kind: string, pairs: string[]): Promise<number> {
  const kinds = await localKinds();
  const info = kinds.find((k) => k.kind === kind);
  if (!info) throw new CliError(`No sync kind "${kind}". Known kinds: ${kinds.map((k) => k.kind).join(", ")}.`);
  const params = paramsFromPairs(pairs, info.params);
  // This process runs the job itself, whatever Inngest server the settings name.
  for (const name of ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[name];
  resetEnvCache();
  const { chooseDatabase } = await import("./database");
  const { checkEnvironment } = await import("@/lib/env-check");
  const { runMigrations } = await import("@/db/migrate");
  const { startJobRunner } = await import("@/inngest/runner");
  const { closeDatabase } = await import("@/lib/db");
  const { readSyncRun } = await import("@/lib/jobs/runs");
  const { triggerSync } = await import("@/lib/jobs/trigger");
  const choice = await chooseDatabase();
  process.env.DATABASE_URL = choice.url;
  resetEnvCache();
  checkEnvironment();
  await runMigrations(choice.url);
  const runner = await startJobRunner({ execute: true });
  try {
    const { syncRunId } = await triggerSync({ kind, trigger: "cli", params });
    console.log(`${info.label}: run ${syncRunId} started in this process (${choice.description})`);
    const end = await followRun(async () => {
      const run = await readSyncRun(syncRunId);
      if (!run) throw new CliError(`sync run ${syncRunId} disappeared`);
      return viewOf(run);
    });
    return report(end);
  } finally {
    await runner.stop();
    await closeDatabase();
    await choice.embedded?.stop();
  }
}

function report(end: RunView): number {
  if (end.status === "succeeded") {
    console.log(`succeeded: ${end.done}${end.total === null ? "" : ` / ${end.total}`}`);
    return 0;
  }
  console.error(`${end.status}${end.error ? `: ${end.error}` : ""}`);
  return 1;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { list: { type: "boolean" }, param: { type: "string", multiple: true }, wait: { type: "boolean" }, local: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help || (!values.list && positionals.length !== 1)) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  if (values.list) {
    printKinds(values.local ? await localKinds() : (await api<{ data: KindInfo[] }>("/api/v1/admin/sync-kinds")).data);
    return 0;
  }
  const kind = positionals[0]!;
  return values.local ? local(kind, values.param ?? []) : remote(kind, values.param ?? [], values.wait ?? false);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CliError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
