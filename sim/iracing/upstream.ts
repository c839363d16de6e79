import { SimControlError } from "../control-error";
import type { SimRequest, SimResponse, Upstream } from "../server";
import { advanceSchema, changeScheduleSchema, clockSchema, maintenanceSchema, optionsSchema, rateLimitSchema, type IracingOptions, type IracingOptionsInput } from "./config";
import { answer } from "./data";
import { TokenDesk } from "./oauth";
import { RateWindow } from "./rate-window";
import { SignedStore } from "./signed-store";
import { trackMapLayer } from "./track-map";
import { IracingWorld } from "./world";

const PREFIX = "/iracing";
const CHUNK_SIZE = 500;
/** Bodies are built once and reused for this long (sim time), unless the world changes. */
const BODY_REUSE_MS = 60_000;
/** Reused bodies are dropped beyond this many characters (series/seasons alone is ~8 M). */
const BODY_CACHE_CHARS = 40_000_000;

export interface IracingUpstream extends Upstream {
  /** The simulator's clock (real time, moved by the `clock` and `advance` actions). */
  now(): Date;
  world(): IracingWorld;
  readonly options: IracingOptions;
}

/**
 * members-ng.iracing.com/data and oauth.iracing.com under `/iracing`: `POST /oauth2/token`, `GET /data/<endpoint>`
 * answering with signed links (`/s3/...`) that expire and must be fetched without the Authorization header, chunked
 * standings, `x-ratelimit-*` headers, and the track map SVGs under `/track-maps/<track id>/<layer>.svg`.
 * Control actions: `change-schedule {seasonId, raceWeekNum?}`, `maintenance {on}`, `rate-limit {limit?,
 * windowSeconds?}`, `clock {now}` (the world is rebuilt around it), `advance {seconds}`.
 */
export function iracingUpstream(input: IracingOptionsInput = {}): IracingUpstream {
  const options = optionsSchema.parse(input);
  let seed = 1;
  let offsetMs = 0;
  let maintenance = false;
  let generation = 0;
  const changes = new Map<number, Map<number, number>>();
  const bodies = new Map<string, { json: string; atMs: number; generation: number }>();
  const rate = new RateWindow(options.rateLimit, options.rateLimitWindowSeconds * 1000);
  const freshDesk = () => new TokenDesk(seed, options.credentials, options.accessTokenSeconds, options.refreshTokenSeconds);
  const freshStore = () => new SignedStore(seed, `iracing-sim-${seed}`);
  let desk = freshDesk();
  let store = freshStore();
  let built: IracingWorld | undefined;

  const nowMs = () => Date.now() + offsetMs;
  const world = () => (built ??= new IracingWorld(seed, options.series, nowMs(), changes));
  const setClock = (iso: string | undefined) => {
    offsetMs = iso === undefined ? 0 : Date.parse(iso) - Date.now();
    built = undefined;
    generation += 1;
  };

  function startOver(next: number): void {
    seed = next;
    maintenance = false;
    changes.clear();
    bodies.clear();
    rate.limit = options.rateLimit;
    rate.windowMs = options.rateLimitWindowSeconds * 1000;
    rate.restart();
    desk = freshDesk();
    store = freshStore();
    setClock(options.now);
  }

  /** Keeps a body's JSON for reuse while the world stays the same, within a bound on the memory it takes. */
  function remember(key: string, json: string, now: number): void {
    let cached = json.length;
    for (const body of bodies.values()) cached += body.json.length;
    if (cached > BODY_CACHE_CHARS) bodies.clear();
    bodies.set(key, { json, atMs: now, generation });
  }

  function signedLink(origin: string, folder: string, body: string | Buffer, contentType: string, now: number): { link: string; expires: string } {
    const expiresMs = now + options.linkSeconds * 1000;
    const key = store.key(folder);
    store.put(key, body, contentType, expiresMs, now);
    return { link: `${origin}/s3/${key}?${store.signature(key, expiresMs)}`, expires: new Date(expiresMs).toISOString() };
  }

  function data(req: SimRequest, origin: string, now: number): SimResponse {
    if (req.method !== "GET") return { status: 405, body: { error: "Method Not Allowed", message: "the data API answers GET only" } };
    if (maintenance) return { status: 503, body: { error: "Site Maintenance", note: "iRacing is down for scheduled maintenance" } };
    const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ""))?.[1]?.trim();
    if (!bearer || !desk.accepts(bearer, now)) return { status: 401, body: { error: "Unauthorized", message: "missing, invalid or expired access token" } };
    const { allowed, headers } = rate.take(now);
    if (!allowed) return { status: 429, headers, body: { error: "Rate Limited", message: "too many requests: wait for x-ratelimit-reset" } };
    const endpoint = req.path.slice("/data/".length).replace(/\/+$/, "");
    const key = `${endpoint}?${[...req.query.entries()].sort().map(([name, value]) => `${name}=${value}`).join("&")}`;
    const reusable = bodies.get(key);
    if (reusable && reusable.generation === generation && now - reusable.atMs < BODY_REUSE_MS) {
      return { headers, body: signedLink(origin, `data-services/${endpoint}`, reusable.json, "application/json", now) };
    }
    const result = answer(world(), endpoint, req.query, now, `${origin}/track-maps`);
    switch (result.kind) {
      case "error":
        return { status: result.status, headers, body: result.body };
      case "direct":
        return { headers, body: result.body };
      case "linked": {
        const json = JSON.stringify(result.body);
        if (result.cacheable) remember(key, json, now);
        return { headers, body: signedLink(origin, `data-services/${endpoint}`, json, "application/json", now) };
      }
      case "chunked": {
        const expiresMs = now + options.linkSeconds * 1000;
        const base = store.key(`data-services/${endpoint}/chunks`);
        const names: string[] = [];
        for (let start = 0; start < result.rows.length; start += CHUNK_SIZE) {
          const name = `${names.length}-${base.slice(-8)}.json`;
          store.put(`${base}/${name}`, Buffer.from(JSON.stringify(result.rows.slice(start, start + CHUNK_SIZE))), "application/octet-stream", expiresMs, now);
          names.push(`${name}?${store.signature(`${base}/${name}`, expiresMs)}`);
        }
        const chunkInfo = { chunk_size: CHUNK_SIZE, num_chunks: names.length, rows: result.rows.length, base_download_url: `${origin}/s3/${base}/`, chunk_file_names: names };
        return { headers, body: signedLink(origin, `data-services/${endpoint}`, JSON.stringify({ ...result.head, chunk_info: chunkInfo }), "application/json", now) };
      }
    }
  }

  setClock(options.now);

  return {
    prefix: PREFIX,
    name: "iRacing",
    options,
    now: () => new Date(nowMs()),
    world,
    handle(req) {
      const now = nowMs();
      const origin = `http://${req.headers.host ?? "127.0.0.1"}${PREFIX}`;
      if (req.path === "/oauth2/token") return desk.handle(req, now);
      if (req.path.startsWith("/data/")) return data(req, origin, now);
      if (req.path.startsWith("/s3/")) return store.serve(decodeURIComponent(req.path.slice("/s3/".length)), req.query, req.headers.authorization, now);
      const map = /^\/track-maps\/(\d+)\/([a-z-]+)\.svg$/.exec(req.path);
      const svg = map && world().catalogue.trackById.has(Number(map[1])) ? trackMapLayer(Number(map[1]), map[2] ?? "") : null;
      if (svg) return { headers: { "content-type": "image/svg+xml" }, body: svg };
      return { status: 404, body: { error: "Not Found", message: `nothing at ${req.path}` } };
    },
    reset: startOver,
    control(action, body) {
      if (action === "change-schedule") {
        const { seasonId, raceWeekNum } = changeScheduleSchema.parse(body ?? {});
        const season = world().season(seasonId);
        if (!season) throw new SimControlError(`no season ${seasonId} in the simulated world`);
        const week = raceWeekNum ?? 0;
        if (!season.weeks.some((w) => w.raceWeekNum === week)) throw new SimControlError(`season ${seasonId} has no race week ${week}`);
        const weeks = changes.get(seasonId) ?? new Map<number, number>();
        weeks.set(week, (weeks.get(week) ?? 0) + 1);
        changes.set(seasonId, weeks);
        world().replan(seasonId);
        generation += 1;
        const changed = world().season(seasonId)?.weeks[week];
        return { seasonId, raceWeekNum: week, trackId: changed?.track.trackId, changes: weeks.get(week) };
      }
      if (action === "maintenance") {
        maintenance = maintenanceSchema.parse(body ?? {}).on;
        return { maintenance };
      }
      if (action === "rate-limit") {
        const { limit, windowSeconds } = rateLimitSchema.parse(body ?? {});
        rate.limit = limit ?? rate.limit;
        rate.windowMs = windowSeconds === undefined ? rate.windowMs : windowSeconds * 1000;
        rate.restart();
        return { limit: rate.limit, windowSeconds: rate.windowMs / 1000 };
      }
      if (action === "clock") {
        setClock(clockSchema.parse(body ?? {}).now);
        return { now: new Date(nowMs()).toISOString() };
      }
      if (action === "advance") {
        offsetMs += advanceSchema.parse(body ?? {}).seconds * 1000;
        generation += 1;
        return { now: new Date(nowMs()).toISOString() };
      }
      throw new SimControlError(`unknown iRacing action ${action}; use change-schedule, maintenance, rate-limit, clock or advance`);
    },
  };
}
