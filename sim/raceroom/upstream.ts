import { SimControlError } from "../control-error";
import type { SimContext, SimRequest, SimResponse, Upstream } from "../server";
import { catalogueBytes } from "./catalogue";
import { advanceSchema, NO_QUIRKS, quirksSchema, worldSizePatchSchema, worldSizeSchema, type Quirks, type WorldSize, type WorldSizeInput } from "./config";
import { LEADERBOARD_PAGE, parseListing, shapeEntry, type ListingRequest, type RaceRoomEntry } from "./listing";
import { RaceRoomWorld, type PopulatedLeaderboard, type WorldSummary } from "./world";

export interface RaceRoomUpstream extends Upstream {
  /** Every entry the listing serves for a leaderboard on `day` (default: the current day), fastest first. */
  expectedLeaderboard(layoutId: number, classId: number, day?: number): RaceRoomEntry[];
  /** Leaderboards with at least one entry on `day` (default: the current day). */
  populatedLeaderboards(day?: number): PopulatedLeaderboard[];
  summary(): WorldSummary;
  world(): RaceRoomWorld;
}

/**
 * game.raceroom.com under `/raceroom`: `GET /leaderboard/listing/0` and `GET /r3e-data.json`.
 * Control actions: `configure {entries?, drivers?, leaderboards?}` (a new world at day 0),
 * `advance {days?}` (the world moves on: new personal bests and new entries), `quirks {transientEmptyRate?,
 * errorPayloadRate?}`. A reset returns to day 0 without quirks and keeps the configured size.
 */
export function raceroomUpstream(initialSize: WorldSizeInput = {}): RaceRoomUpstream {
  let size: WorldSize = worldSizeSchema.parse(initialSize);
  // Built by the simulator's reset(seed) at start; seed 1 when used on its own.
  let built: RaceRoomWorld | undefined;
  const current = () => (built ??= new RaceRoomWorld(1, size));
  let day = 0;
  let quirks: Quirks = { ...NO_QUIRKS };
  /** Pages that already answered empty once: their retry gets the rows. */
  let emptied = new Set<string>();

  function startOver(seed: number): void {
    built = new RaceRoomWorld(seed, size);
    day = 0;
    quirks = { ...NO_QUIRKS };
    emptied = new Set();
  }

  function listing(req: SimRequest, ctx: SimContext): SimResponse {
    // Two draws on every request, so the quirk settings never shift the stream.
    const emptyRoll = ctx.random();
    const errorRoll = ctx.random();
    const parsed = parseListing(req.query);
    if ("error" in parsed) return { body: { error: parsed.error } };
    if (errorRoll < quirks.errorPayloadRate) return { body: { error: "Leaderboard is temporarily unavailable, please try again later" } };
    const results = page(parsed, day);
    const key = `${req.query.get("track")}|${req.query.get("car_class")}|${parsed.start}|${parsed.count}|${day}`;
    if (results.length > 0 && emptyRoll < quirks.transientEmptyRate && !emptied.has(key)) {
      emptied.add(key);
      return envelope(req, []);
    }
    return envelope(req, results);
  }

  function page(request: ListingRequest, onDay: number): RaceRoomEntry[] {
    const world = current();
    const layout = world.layout(request.layoutId);
    const carId = request.kind === "car" ? request.carId : undefined;
    const classId = request.kind === "class" ? request.classId : world.catalogue.carById.get(request.carId)?.classId;
    const carClass = classId === undefined ? undefined : world.carClass(classId);
    if (!layout || !carClass) return [];
    const leaderboard = world.leaderboard(layout.id, carClass.id, onDay);
    const context = { layout, carClass, drivers: world.drivers, leaderMs: leaderboard[0]?.lapMs ?? 0 };
    if (carId === undefined) {
      return leaderboard.slice(request.start, request.start + request.count).map((entry, i) => shapeEntry(context, entry, request.start + i, request.start + i));
    }
    const ofCar = leaderboard.flatMap((entry, globalIndex) => (entry.carId === carId ? [{ entry, globalIndex }] : []));
    const leaderMs = ofCar[0]?.entry.lapMs ?? 0;
    return ofCar
      .slice(request.start, request.start + request.count)
      .map(({ entry, globalIndex }, i) => shapeEntry({ ...context, leaderMs }, entry, request.start + i, globalIndex));
  }

  return {
    prefix: "/raceroom",
    name: "RaceRoom",
    handle(req, ctx) {
      if (req.method !== "GET") return { status: 405, body: { error: "Method not allowed" } };
      if (req.path === "/r3e-data.json") return { headers: { "content-type": "application/json" }, body: catalogueBytes() };
      if (!req.path.startsWith("/leaderboard")) return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: "<h1>Not found</h1>" };
      if (req.headers["x-requested-with"]?.toString().toLowerCase() !== "xmlhttprequest") {
        return { headers: { "content-type": "text/html; charset=utf-8" }, body: LEADERBOARD_PAGE };
      }
      if (req.path === "/leaderboard/listing/0") return listing(req, ctx);
      return { status: 404, body: { error: "Not found" } };
    },
    reset: startOver,
    control(action, body) {
      if (action === "configure") {
        const patch = worldSizePatchSchema.parse(body ?? {});
        const next = worldSizeSchema.parse({
          entries: patch.entries ?? size.entries,
          drivers: patch.drivers ?? size.drivers,
          leaderboards: patch.leaderboards === null ? undefined : (patch.leaderboards ?? size.leaderboards),
        });
        built = new RaceRoomWorld(current().seed, next);
        size = next;
        day = 0;
        emptied = new Set();
        return current().summary(day);
      }
      if (action === "advance") {
        day += advanceSchema.parse(body ?? {}).days;
        return current().summary(day);
      }
      if (action === "quirks") {
        quirks = { ...quirks, ...stripUndefined(quirksSchema.parse(body ?? {})) };
        return quirks;
      }
      throw new SimControlError(`unknown RaceRoom action ${action}; use configure, advance or quirks`);
    },
    expectedLeaderboard(layoutId, classId, onDay = day) {
      return page({ kind: "class", layoutId, classId, start: 0, count: Number.MAX_SAFE_INTEGER }, onDay);
    },
    populatedLeaderboards: (onDay = day) => current().populated(onDay),
    summary: () => current().summary(day),
    world: current,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function envelope(req: SimRequest, results: RaceRoomEntry[]): SimResponse {
  return { body: { context: { c: { get: Object.fromEntries(req.query), results } } } };
}
