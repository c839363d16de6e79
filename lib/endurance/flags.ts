import type { Flag } from "./records";

// Analysis files write GF, FCY, SF, FF, RF (OpenWEC also allows SC and YF); flags-analysis files and the
// live feeds spell them out. SF is the safety car (Timing71; one consumer calls it a slow zone, but the SF
// periods of Le Mans and Fuji 2024 are the safety-car periods of those races).
const CODES: Record<string, Flag> = {
  GF: "green",
  G: "green",
  GREEN: "green",
  "GREEN FLAG": "green",
  YF: "yellow",
  Y: "yellow",
  YELLOW: "yellow",
  "YELLOW FLAG": "yellow",
  FCY: "fcy",
  "FULL COURSE YELLOW": "fcy",
  VSC: "fcy",
  "VIRTUAL SAFETY CAR": "fcy",
  SF: "safety-car",
  SC: "safety-car",
  "SAFETY CAR": "safety-car",
  RF: "red",
  R: "red",
  RED: "red",
  "RED FLAG": "red",
  FF: "chequered",
  CF: "chequered",
  CHK: "chequered",
  CHEQUERED: "chequered",
  CHECKERED: "chequered",
  "CHEQUERED FLAG": "chequered",
  "CHECKERED FLAG": "chequered",
};

/** The flag a code stands for, or null for a code we do not know (the caller keeps the raw code). */
export function flagFromCode(code: string): Flag | null {
  return CODES[code.trim().toUpperCase().replace(/\s+/g, " ")] ?? null;
}

/** Flags under which lap times say nothing about pace. */
export function isNeutralised(flag: Flag | null): boolean {
  return flag === "fcy" || flag === "safety-car" || flag === "red" || flag === "yellow";
}
