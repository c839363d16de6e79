"use client";

import type { RaceTimeDescriptor } from "../records";
import { describeSchedule } from "../schedule-summary";
import { useInBrowser } from "./plan-store";

/** "every 2 hours at :15", "Sat and Sun at 19:00 CET": in the visitor's time zone once in the browser, UTC before. */
export function WeekSessionsSummary({ descriptors }: { descriptors: RaceTimeDescriptor[] }) {
  const inBrowser = useInBrowser();
  const timeZone = inBrowser ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  return <span>{describeSchedule(descriptors, { timeZone })}</span>;
}
