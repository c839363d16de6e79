import { hash32 } from "../random";

const FIRST = ["Alex", "Sam", "Jordan", "Chris", "Taylor", "Max", "Lena", "Marco", "Sofia", "Kenji", "Aiko", "Liam", "Noah", "Emma", "Lucas", "Mia", "Oskar", "Ines", "Mateo", "Zoe"];
const LAST = ["Walker", "Novak", "Rossi", "Schmidt", "Tanaka", "Dubois", "Silva", "Kowalski", "Jensen", "Moreau", "Okafor", "Larsen", "Fischer", "Garcia", "Murphy", "Ivanova", "Byrne", "Costa", "Lindqvist", "Haas"];
const COUNTRIES: [string, string][] = [
  ["US", "United States"],
  ["GB", "United Kingdom"],
  ["DE", "Germany"],
  ["BR", "Brazil"],
  ["AU", "Australia"],
  ["JP", "Japan"],
  ["FR", "France"],
  ["NL", "Netherlands"],
  ["ES", "Spain"],
  ["IT", "Italy"],
];

/** A member of the simulated world: the same customer id always has the same name and country. */
export function member(seed: number, custId: number): { displayName: string; countryCode: string; country: string } {
  const h = hash32(seed, custId, 0x9e);
  const [countryCode, country] = COUNTRIES[h % COUNTRIES.length] ?? ["US", "United States"];
  return { displayName: `${FIRST[(h >>> 8) % FIRST.length]} ${LAST[(h >>> 16) % LAST.length]}`, countryCode, country };
}
