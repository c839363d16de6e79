/** The synthetic race's entry: ten fictional teams in real-looking team colours, two fictional drivers each. */

export interface Team {
  name: string;
  /** RRGGBB, as OpenF1 writes team_colour. */
  colour: string;
}

export interface Entrant {
  driverNumber: number;
  firstName: string;
  lastName: string;
  acronym: string;
  team: Team;
}

const team = (name: string, colour: string): Team => ({ name, colour });

const MERIDIAN = team("Meridian Racing", "F47600");
const ARDENTE = team("Scuderia Ardente", "ED1131");
const BULLHORN = team("Bullhorn Racing", "4781D7");
const SILVERLINE = team("Silverline F1 Team", "00D7B6");
const VERDANT = team("Verdant Racing", "229971");
const ALPEN = team("Alpen Motorsport", "00A1E8");
const IRONSIDE = team("Ironside F1 Team", "9C9FA2");
const KESTREL = team("Kestrel Racing", "1868DB");
const JUNIOR = team("Junior Bull Racing", "6C98FF");
const VIREO = team("Vireo Racing", "01C00E");

export const TEAMS: readonly Team[] = [MERIDIAN, ARDENTE, BULLHORN, SILVERLINE, VERDANT, ALPEN, IRONSIDE, KESTREL, JUNIOR, VIREO];

const entrant = (driverNumber: number, firstName: string, lastName: string, acronym: string, of: Team): Entrant => ({
  driverNumber,
  firstName,
  lastName,
  acronym,
  team: of,
});

export const ROSTER: readonly Entrant[] = [
  entrant(7, "Oskar", "Lindqvist", "LIN", MERIDIAN),
  entrant(28, "Rafael", "Costa", "COS", MERIDIAN),
  entrant(11, "Matteo", "Rinaldi", "RIN", ARDENTE),
  entrant(36, "Julien", "Moreau", "MOR", ARDENTE),
  entrant(2, "Daniel", "Hartmann", "HAR", BULLHORN),
  entrant(19, "Kenji", "Watanabe", "WAT", BULLHORN),
  entrant(9, "Thomas", "Brennan", "BRE", SILVERLINE),
  entrant(41, "Leo", "Fischer", "FIS", SILVERLINE),
  entrant(15, "Diego", "Salazar", "SAL", VERDANT),
  entrant(26, "Marcus", "Holt", "HOL", VERDANT),
  entrant(8, "Nico", "Bauer", "BAU", ALPEN),
  entrant(33, "Antoine", "Lefevre", "LEF", ALPEN),
  entrant(21, "Finn", "Madsen", "MAD", IRONSIDE),
  entrant(47, "Ivan", "Petrov", "PET", IRONSIDE),
  entrant(13, "Samuel", "Okafor", "OKA", KESTREL),
  entrant(39, "Henrik", "Aalto", "AAL", KESTREL),
  entrant(24, "Theo", "Grant", "GRA", JUNIOR),
  entrant(50, "Mika", "Jarvinen", "JAR", JUNIOR),
  entrant(17, "Pablo", "Romero", "ROM", VIREO),
  entrant(52, "Arjun", "Mehta", "MEH", VIREO),
];
