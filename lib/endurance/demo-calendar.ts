import type { RaceInput } from "./calendar";

const HOUR = 3_600_000;
const files = (id: string) => ({
  analysisUrl: `${id}/23_Analysis_Race.CSV`,
  liveResultsUrl: `${id}/RaceResults_JSONP.json`,
  liveDataUrl: `${id}/RaceData_JSONP.json`,
  resultsUrl: `${id}/03_Results_Race.JSON`,
});
const wecRules = { minPerDriverMs: 45 * 60_000, window: { lengthMs: 6 * HOUR, maxMs: 4 * HOUR } };

/**
 * The demo's calendar over the simulator's races (sim/endurance/simulated.ts): the live replay starting now, a
 * finished race from the day before (ingested at once: `ingest`), and two races to come. URLs are relative to
 * ENDURANCE_TIMING_BASE_URL.
 */
export function demoCalendar(now: Date, hours: number, pastHours = hours): { races: RaceInput[]; ingest: string[] } {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  return {
    races: [
      { slug: "pitwall-live", series: "FIA WEC", event: `${hours} Hours of Pitwall (live replay)`, circuit: "Pitwall Park", startsAt: at(0), endsAt: at(hours * HOUR), ...files("live"), driveTimeRules: wecRules },
      { slug: "pitwall-past", series: "IMSA", event: `Pitwall ${pastHours} Hours`, circuit: "Pitwall Park", startsAt: at(-24 * HOUR), endsAt: at(-24 * HOUR + pastHours * HOUR), ...files("past"), sourceKind: "imsa" },
      { slug: "lemans-next", series: "FIA WEC", event: "24 Hours of Le Mans", circuit: "Circuit de la Sarthe", startsAt: at(30 * 24 * HOUR), endsAt: at(31 * 24 * HOUR), ...files("lemans-next"), driveTimeRules: wecRules },
      { slug: "daytona-next", series: "IMSA", event: "Rolex 24 at Daytona", circuit: "Daytona International Speedway", startsAt: at(60 * 24 * HOUR), endsAt: at(61 * 24 * HOUR), ...files("daytona-next"), sourceKind: "imsa" },
    ],
    ingest: ["pitwall-past"],
  };
}
