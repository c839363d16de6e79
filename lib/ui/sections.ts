/** The four racing sections of the site, in header order. */
export const sections = [
  { slug: "raceroom", name: "RaceRoom", blurb: "Every leaderboard of RaceRoom Racing Experience, searchable by driver." },
  { slug: "iracing", name: "iRacing", blurb: "Series, seasons and race-week schedules with session times in your time zone." },
  { slug: "endurance", name: "Endurance", blurb: "WEC and IMSA live timing: leaderboards, stints, pit stops and predictions." },
  { slug: "f1", name: "F1", blurb: "Formula 1 live track map and timing tower, plus replays of past sessions." },
] as const;

export type SectionSlug = (typeof sections)[number]["slug"];
