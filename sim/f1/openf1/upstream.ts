import type { z } from "zod";
import { SimControlError } from "../../control-error";
import type { SimRequest, SimResponse, Upstream } from "../../server";
import { RequestBudget } from "./budget";
import { budgetSchema, DEMO_ACCOUNT, LIVE_SESSION_DETAIL, loadSchema, startSchema } from "./config";
import { loadFolder, type FolderSummary } from "./folder";
import { Playback, type PlaybackStatus } from "./playback";
import { dateWindow, parseFilters, QueryError, select, type Filters, type LatestKeys } from "./query";
import { rowDate, type Dataset, type Row } from "./rows";
import { syntheticDataset } from "./synthetic/dataset";
import { TOKEN_LIFETIME_MS, TokenDesk, type Account } from "./tokens";

export interface OpenF1UpstreamOptions {
  /** Epoch milliseconds; tests pass a clock they move themselves. */
  clock?: () => number;
  /** Serve this folder of real OpenF1 data instead of the synthetic race. */
  folder?: string;
  /** Who may ask for a token (default: the demo account). */
  accounts?: Account[];
  /** Requests per client per window (default: OpenF1's 30 per 10 s). */
  budget?: z.input<typeof budgetSchema>;
  /** Play the latest session live from every reset on (the demo). */
  live?: z.input<typeof startSchema>;
}

export interface OpenF1Upstream extends Upstream {
  dataset(): Dataset;
  /** The session being played, or null. */
  status(): PlaybackStatus | null;
  start(options?: z.input<typeof startSchema>): PlaybackStatus;
  stop(): PlaybackStatus | null;
  load(path: string): FolderSummary;
}

const LATEST_LEEWAY_MS = 60_000;
const textResponse = (status: number, body: string, type = "text/plain; charset=utf-8"): SimResponse => ({ status, headers: { "content-type": type }, body });

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [columns.join(","), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(","))].join("\n");
}

// Like OpenF1, which limits by remote address: behind a proxy the first X-Forwarded-For entry is the client.
function clientOf(req: SimRequest): string {
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "local";
}

function bearerOf(req: SimRequest): string | null {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

/**
 * api.openf1.org under `/openf1`: `GET /v1/<endpoint>` with OpenF1's filters (query.ts) over a
 * synthetic race or a folder of real data, `POST /token` (an hour's bearer token, `expires_in` as a string), the
 * 401 for requests without a token while a session is live, and 30 requests per 10 s per client (429 beyond).
 * Control actions: `start {sessionKey?, speed?, offsetSeconds?}` plays a session live, `stop`, `load {path}`,
 * `status`. A reset goes back to the initial data (the synthetic race of the seed, or the configured folder).
 */
export function openf1Upstream(options: OpenF1UpstreamOptions = {}): OpenF1Upstream {
  const clock = options.clock ?? Date.now;
  const { requests, windowMs } = budgetSchema.parse(options.budget ?? { requests: 30, windowMs: 10_000 });
  const budget = new RequestBudget(requests, windowMs);
  const desk = new TokenDesk(options.accounts ?? [DEMO_ACCOUNT]);
  const folder = options.folder ? loadFolder(options.folder).dataset : null;
  let seed = 1;
  let data: Dataset | null = null;
  let playback: Playback | null = null;
  const current = () => (data ??= folder ?? syntheticDataset(seed));

  const sessions = () => current().tables.get("sessions") ?? [];

  /** OpenF1's latest session: the newest one started (or starting within a minute), else the newest of all. */
  function latestSession(now: number): Row | undefined {
    const dated = sessions()
      .filter((session) => session.is_cancelled !== true && rowDate(session.date_start) !== null)
      .sort((a, b) => (rowDate(a.date_start) as number) - (rowDate(b.date_start) as number));
    return dated.filter((session) => (rowDate(session.date_start) as number) <= now + LATEST_LEEWAY_MS).at(-1) ?? dated.at(-1);
  }

  function latestKeys(now: number): LatestKeys | null {
    if (playback) return { sessionKey: playback.sessionKey, meetingKey: playback.meetingKey };
    const session = latestSession(now);
    return typeof session?.session_key === "number" && typeof session.meeting_key === "number"
      ? { sessionKey: session.session_key, meetingKey: session.meeting_key }
      : null;
  }

  function rowsOf(endpoint: string, filters: Filters, now: number): Row[] {
    const dataset = current();
    const sampler = dataset.samplers.get(endpoint);
    if (!sampler) {
      const table = dataset.tables.get(endpoint) ?? [];
      return select(playback ? playback.project(table, now) : table, filters);
    }
    const { from, to } = dateWindow(filters, "date");
    const keys = new Map([...filters].filter(([field]) => field === "session_key" || field === "meeting_key"));
    const sampled = select(playback ? playback.project(sessions(), now) : sessions(), keys).flatMap((session) => {
      const key = session.session_key as number;
      return playback?.sessionKey === key ? playback.sample(sampler, from, to, now) : sampler(key, from, to);
    });
    return select(sampled, filters);
  }

  function query(endpoint: string, req: SimRequest, now: number): SimResponse {
    const params = new URLSearchParams(req.query);
    // `csv=true` asks for CSV; it is not a filter.
    const csv = params.getAll("csv").some((value) => value.toLowerCase() === "true");
    params.delete("csv");
    let filters: Filters;
    try {
      filters = parseFilters(params, () => latestKeys(now));
    } catch (error) {
      if (error instanceof QueryError) {
        const message = error.message.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
        return textResponse(500, `<h1>An error occurred</h1><pre>${message}</pre>`, "text/html; charset=utf-8");
      }
      throw error;
    }
    const rows = rowsOf(endpoint, filters, now);
    if (!csv) return { body: rows };
    return { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename=${endpoint}.csv` }, body: toCsv(rows) };
  }

  function token(req: SimRequest, now: number): SimResponse {
    if (req.method !== "POST") return { status: 405, body: { detail: "Method Not Allowed" } };
    const json = String(req.headers["content-type"] ?? "").includes("application/json");
    let fields: Record<string, unknown>;
    try {
      const parsed: unknown = json ? JSON.parse(req.body || "{}") : Object.fromEntries(new URLSearchParams(req.body));
      fields = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    } catch {
      return { status: 422, body: { detail: "the body is not valid JSON" } };
    }
    const missing = ["username", "password"].filter((field) => typeof fields[field] !== "string" || fields[field] === "");
    if (missing.length > 0) {
      return { status: 422, body: { detail: missing.map((field) => ({ type: "missing", loc: ["body", field], msg: "Field required" })) } };
    }
    const issued = desk.issue(String(fields.username), String(fields.password), now);
    if (!issued) return { status: 401, body: { detail: "Invalid username or password" } };
    // expires_in is a string in OpenF1's answer.
    return { body: { expires_in: String(TOKEN_LIFETIME_MS / 1000), access_token: issued.token, token_type: "bearer" } };
  }

  function start(input: z.input<typeof startSchema> = {}): PlaybackStatus {
    const { sessionKey, speed, offsetSeconds } = startSchema.parse(input);
    const now = clock();
    const session = sessionKey === undefined ? latestSession(now) : sessions().find((candidate) => candidate.session_key === sessionKey);
    if (!session) throw new SimControlError(sessionKey === undefined ? "the data has no session to play" : `no session ${sessionKey} in ${current().label}`);
    playback = new Playback(current(), session, speed, offsetSeconds * 1000, now);
    return playback.status(now);
  }

  function stop(): PlaybackStatus | null {
    playback?.stop(clock());
    return playback?.status(clock()) ?? null;
  }

  function load(path: string): FolderSummary {
    const { dataset, summary } = loadFolder(path);
    data = dataset;
    playback = null;
    return summary;
  }

  return {
    prefix: "/openf1",
    name: "OpenF1",
    handle(req) {
      const now = clock();
      const path = req.path.toLowerCase();
      if (path === "/token") return token(req, now);
      if (path === "/" || path === "/v1" || path === "/v1/") return textResponse(200, "Welcome to OpenF1!");
      const endpoint = /^\/v1\/(\w+)$/.exec(path)?.[1];
      if (!endpoint) return { status: 404, body: { detail: "Not Found" } };
      if (req.method !== "GET" && req.method !== "POST") return { status: 405, body: { detail: "Method Not Allowed" } };
      const allowance = budget.take(clientOf(req), now);
      if (!allowance.allowed) {
        return {
          status: 429,
          headers: { "retry-after": String(Math.ceil(allowance.retryAfterMs / 1000)) },
          body: { error: `Rate limit exceeded: ${requests} per ${windowMs / 1000} second` },
        };
      }
      const bearer = bearerOf(req);
      if (bearer !== null && !desk.valid(bearer, now)) return { status: 401, body: { detail: "Invalid or expired token" } };
      if (bearer === null && playback?.live(now)) return { status: 401, body: { detail: LIVE_SESSION_DETAIL } };
      return query(endpoint, req, now);
    },
    reset(next) {
      seed = next;
      data = null;
      playback = null;
      desk.reset(next);
      budget.clear();
      if (options.live) start(options.live);
    },
    control(action, body) {
      if (action === "start") return start(startSchema.parse(body ?? {}));
      if (action === "stop") return { playback: stop() };
      if (action === "load") return load(loadSchema.parse(body ?? {}).path);
      if (action === "status") return { data: current().label, playback: playback?.status(clock()) ?? null };
      throw new SimControlError(`unknown OpenF1 action ${action}; use start, stop, load or status`);
    },
    dataset: current,
    status: () => playback?.status(clock()) ?? null,
    start,
    stop,
    load,
  };
}
