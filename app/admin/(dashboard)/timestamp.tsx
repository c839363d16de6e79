"use client";

import { useSyncExternalStore } from "react";
import { formatRelative } from "@/lib/ui/format";

const noop = () => () => {};

/** A time as the reader needs it: "3 min ago" or a clock time, and the full date in their own time zone on hover. */
export function Timestamp({ iso, mode = "relative" }: { iso: string; mode?: "relative" | "clock" }) {
  // The server does not know the visitor's time zone: it renders UTC, the browser switches to local time.
  const local = useSyncExternalStore(noop, () => true, () => false);
  const date = new Date(iso);
  const zone = local ? undefined : "UTC";
  // dateStyle/timeStyle cannot be combined with timeZoneName (browsers throw), hence the separate fields.
  const full = date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: zone,
    timeZoneName: "short",
  });
  const text = mode === "relative" ? formatRelative(date) : clock(date, zone);
  return (
    <time dateTime={iso} title={full} className="tabular whitespace-nowrap" suppressHydrationWarning>
      {text}
    </time>
  );
}

/** "14:03:21" today, "21 Nov 14:03:21" on earlier days. */
function clock(date: Date, timeZone: string | undefined): string {
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone });
  const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone });
  return day(date) === day(new Date()) ? time : `${day(date)} ${time}`;
}
