"use client";

import { useSyncExternalStore } from "react";

// The visitor's plan, kept in the browser (localStorage) and nowhere else: the cars and tracks they own, and the
// sessions pinned to "My week". A plan travels as a link (planLink / readSharedPlan).

export interface Plan {
  /** Car ids owned. */
  cars: number[];
  /** Track package ids owned. */
  tracks: number[];
  /** Pinned sessions: "<seasonId>-<start in epoch seconds>". */
  pins: string[];
}

const KEY = "pitwall.iracing.plan";
const EMPTY: Plan = { cars: [], tracks: [], pins: [] };
const listeners = new Set<() => void>();
let cached: { raw: string | null; plan: Plan } = { raw: null, plan: EMPTY };

const ids = (value: unknown): number[] => (Array.isArray(value) ? [...new Set(value.filter((v): v is number => Number.isInteger(v) && v > 0))].sort((a, b) => a - b) : []);
const pins = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === "string" && /^\d{1,9}-\d{9,11}$/.test(v)))].sort() : []);

function read(): Plan {
  const raw = window.localStorage.getItem(KEY);
  if (raw === cached.raw) return cached.plan;
  let plan = EMPTY;
  try {
    const parsed = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    plan = { cars: ids(parsed.cars), tracks: ids(parsed.tracks), pins: pins(parsed.pins) };
  } catch {
    plan = EMPTY;
  }
  cached = { raw, plan };
  return plan;
}

export function savePlan(change: (plan: Plan) => Plan): void {
  const next = change(read());
  window.localStorage.setItem(KEY, JSON.stringify({ cars: ids(next.cars), tracks: ids(next.tracks), pins: pins(next.pins) }));
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The plan; empty on the server and in the first paint (the browser's copy arrives right after). */
export function usePlan(): Plan {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

const noop = () => () => {};
/** True once rendering in the browser (for what depends on its clock or time zone). */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export const pinOf = (seasonId: number, startsAt: string) => `${seasonId}-${Math.floor(Date.parse(startsAt) / 1000)}`;

export function togglePin(pin: string): void {
  savePlan((plan) => ({ ...plan, pins: plan.pins.includes(pin) ? plan.pins.filter((p) => p !== pin) : [...plan.pins, pin] }));
}

export function toggleOwned(kind: "cars" | "tracks", id: number): void {
  savePlan((plan) => ({ ...plan, [kind]: plan[kind].includes(id) ? plan[kind].filter((owned) => owned !== id) : [...plan[kind], id] }));
}

/** The plan's content as URL parameters: `cars=1.2.3&tracks=4.5`. */
export function planQuery(plan: Pick<Plan, "cars" | "tracks">): string {
  return new URLSearchParams({ cars: plan.cars.join("."), tracks: plan.tracks.join(".") }).toString();
}

/** Reads a shared plan's parameters; null when the link carries none. */
export function readSharedPlan(search: URLSearchParams): Pick<Plan, "cars" | "tracks"> | null {
  const cars = search.get("cars");
  const tracks = search.get("tracks");
  if (cars === null && tracks === null) return null;
  const list = (text: string | null) => ids((text ?? "").split(".").filter(Boolean).map(Number));
  return { cars: list(cars), tracks: list(tracks) };
}
