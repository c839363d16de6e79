import { SimControlError } from "../control-error";
import type { SimRequest, SimResponse, Upstream } from "../server";
import { pauseSchema, raceSpecSchema, resumeSchema, seekSchema, startSchema, type RaceSpec, type RaceSpecInput } from "./config";
import { RaceReplay, type ReplaySummary } from "./replay";

export interface EnduranceUpstreamOptions {
  races?: RaceSpecInput[];
  /** Wall clock in epoch ms; tests pass their own so that nothing waits. */
  now?: () => number;
}

export interface EnduranceUpstream extends Upstream {
  /** A race by id (the first one when absent); throws when there is none. */
  race(id?: string): RaceReplay;
  races(): ReplaySummary[];
  /** Adds a race, or replaces the one with the same id. */
  load(spec: RaceSpecInput): ReplaySummary;
}

const BOM = "\ufeff";

/**
 * Al Kamel timing and IMSA live scoring for replayed races, under `/endurance`:
 * `GET /races` (every race and its replay state), and per race `GET /<id>/23_Analysis_Race.CSV` (the laps
 * completed by the current race time, in the file's own bytes), `GET /<id>/RaceResults_JSONP.json` and
 * `GET /<id>/RaceData_JSONP.json` (live scoring, JSONP with `callback`), `GET /<id>/03_Results_Race.JSON`
 * (the classification with BOM, once the race is over; 404 before).
 * Control actions: `load {id, source, ...}`, `start {race?, speed?, fromMs?}`, `seek {race?, raceTimeMs}`,
 * `pause {race?}`, `resume {race?, speed?}`. A reset puts every race back on the grid (live ones start again).
 */
export function enduranceUpstream(options: EnduranceUpstreamOptions = {}): EnduranceUpstream {
  const now = options.now ?? Date.now;
  const specs = new Map<string, RaceSpec>();
  for (const input of options.races ?? []) {
    const spec = raceSpecSchema.parse(input);
    specs.set(spec.id, spec);
  }
  let seed = 1;
  let replays = new Map<string, RaceReplay>();
  const build = () => {
    replays = new Map([...specs.values()].map((spec) => [spec.id, new RaceReplay(spec, seed, now)]));
  };

  /** Control input is checked; a file that cannot be read is the caller's mistake (400), not a simulator bug. */
  function load(input: unknown): ReplaySummary {
    const spec = raceSpecSchema.parse(input);
    let replay: RaceReplay;
    try {
      replay = new RaceReplay(spec, seed, now);
    } catch (error) {
      throw new SimControlError(`race ${spec.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    specs.set(spec.id, spec);
    replays.set(spec.id, replay);
    return replay.summary();
  }

  function race(id?: string): RaceReplay {
    const replay = id === undefined ? replays.values().next().value : replays.get(id);
    if (!replay) throw new SimControlError(id === undefined ? "no race is loaded" : `no race ${id}; loaded: ${[...replays.keys()].join(", ") || "none"}`);
    return replay;
  }

  function serve(req: SimRequest): SimResponse {
    if (req.path === "/races") return { body: [...replays.values()].map((replay) => replay.summary()) };
    const [, id, document, ...rest] = req.path.split("/");
    const replay = id ? replays.get(id) : undefined;
    if (!replay || rest.length > 0) return { status: 404, body: { error: `no such document ${req.path}` } };
    if (document === "23_Analysis_Race.CSV") return { headers: { "content-type": "text/csv" }, body: replay.analysisFile() };
    if (document === "RaceResults_JSONP.json") return jsonp(req.query.get("callback") ?? "jsonpRaceResults", replay.raceResults());
    if (document === "RaceData_JSONP.json") return jsonp(req.query.get("callback") ?? "jsonpRaceData", replay.raceData());
    if (document === "03_Results_Race.JSON") {
      const results = replay.results();
      if (!results) return { status: 404, headers: { "content-type": "text/html" }, body: "<h1>Not Found</h1>" };
      return { headers: { "content-type": "application/json" }, body: BOM + JSON.stringify(results) };
    }
    return { status: 404, body: { error: `no such document ${req.path}` } };
  }

  build();
  return {
    prefix: "/endurance",
    name: "Endurance timing",
    handle(req) {
      if (req.method !== "GET") return { status: 405, body: { error: "Method not allowed" } };
      return serve(req);
    },
    reset(next) {
      seed = next;
      build();
    },
    control(action, body) {
      const input = body ?? {};
      if (action === "load") return load(input);
      if (action === "start") {
        const { race: id, speed, fromMs } = startSchema.parse(input);
        const replay = race(id);
        replay.clock.start(speed, fromMs);
        return replay.summary();
      }
      if (action === "seek") {
        const { race: id, raceTimeMs } = seekSchema.parse(input);
        race(id).clock.seek(raceTimeMs);
        return race(id).summary();
      }
      if (action === "pause") {
        const { race: id } = pauseSchema.parse(input);
        race(id).clock.pause();
        return race(id).summary();
      }
      if (action === "resume") {
        const { race: id, speed } = resumeSchema.parse(input);
        race(id).clock.resume(speed);
        return race(id).summary();
      }
      throw new SimControlError(`unknown endurance action ${action}; use load, start, seek, pause or resume`);
    },
    race,
    races: () => [...replays.values()].map((replay) => replay.summary()),
    load,
  };
}

function jsonp(callback: string, value: unknown): SimResponse {
  const name = /^[A-Za-z_$][\w$]*$/.test(callback) ? callback : "callback";
  return { headers: { "content-type": "application/javascript; charset=utf-8" }, body: `${name}(${JSON.stringify(value)});` };
}
