import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** The parts of r3e-data.json Pitwall keeps: what names a leaderboard (layout, class) and what is driven (car). */
export interface Catalogue {
  tracks: { id: number; name: string }[];
  layouts: { id: number; trackId: number; name: string; maxVehicles: number | null }[];
  classes: { id: number; name: string }[];
  cars: { id: number; classId: number; name: string; brand: string | null }[];
}

const id = z.number().int().positive();
const name = z.string().trim().min(1);

// Every map in r3e-data.json is keyed by the id as a string; other keys (liveries, teams, ...) are ignored.
const catalogueSchema = z.object({
  tracks: z.record(z.string(), z.object({ Id: id, Name: name })),
  layouts: z.record(z.string(), z.object({ Id: id, Track: id, Name: name, MaxNumberOfVehicles: z.number().int().nullish() })),
  classes: z.record(z.string(), z.object({ Id: id, Name: name })),
  cars: z.record(z.string(), z.object({ Id: id, Class: id, Name: name, BrandName: z.string().nullish() })),
});

export class CatalogueError extends Error {}

/** Validates r3e-data.json and flattens it; layouts of unknown tracks and cars of unknown classes are dropped. */
export function parseCatalogue(json: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new CatalogueError(`r3e-data.json has an unexpected shape: ${issues.join("; ")}`);
  }
  const data = parsed.data;
  const tracks = Object.values(data.tracks).map((t) => ({ id: t.Id, name: t.Name }));
  const trackIds = new Set(tracks.map((t) => t.id));
  const classes = Object.values(data.classes).map((c) => ({ id: c.Id, name: c.Name }));
  const classIds = new Set(classes.map((c) => c.id));
  const layouts = Object.values(data.layouts)
    .filter((l) => trackIds.has(l.Track))
    .map((l) => ({ id: l.Id, trackId: l.Track, name: l.Name, maxVehicles: l.MaxNumberOfVehicles ?? null }));
  const cars = Object.values(data.cars)
    .filter((c) => classIds.has(c.Class))
    .map((c) => ({ id: c.Id, classId: c.Class, name: c.Name, brand: c.BrandName?.trim() || null }));
  if (layouts.length === 0 || classes.length === 0) throw new CatalogueError("r3e-data.json lists no layouts or no classes");
  return { tracks, layouts, classes, cars };
}

/** The copy that ships with Pitwall (lib/raceroom/data/r3e-data.json). */
export async function shippedCatalogue(): Promise<Catalogue> {
  const file = path.join(process.cwd(), "lib", "raceroom", "data", "r3e-data.json");
  return parseCatalogue(JSON.parse(await readFile(file, "utf8")));
}
