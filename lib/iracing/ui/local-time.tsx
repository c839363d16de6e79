"use client";

import { useEffect, useState } from "react";
import { useInBrowser } from "./plan-store";

type Style = "datetime" | "time" | "date";

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  date: { weekday: "short", day: "numeric", month: "short" },
  datetime: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
};

const formats = new Map<string, Intl.DateTimeFormat>();
/** A format of `style` in `timeZone` (undefined: the visitor's), made once. */
function format(style: Style, timeZone?: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ""}`;
  let known = formats.get(key);
  if (!known) {
    known = new Intl.DateTimeFormat("en-GB", { ...STYLES[style], timeZone });
    formats.set(key, known);
  }
  return known;
}

/** An instant in the visitor's own time zone (named); in UTC until the browser takes over. */
export function LocalTime({ iso, style = "datetime" }: { iso: string; style?: Style }) {
  const inBrowser = useInBrowser();
  const text = format(style, inBrowser ? undefined : "UTC").format(new Date(iso));
  return (
    <time dateTime={iso} className="tabular whitespace-nowrap">
      {text}
    </time>
  );
}

function countdown(ms: number): string {
  if (ms <= 0) return "started";
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.floor(hours / 24)} days`;
}

/** "in 1 h 12 min", kept current (every 15 s). Empty on the server: the time left depends on the visitor's clock. */
export function Countdown({ iso }: { iso: string }) {
  const inBrowser = useInBrowser();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!inBrowser) return null;
  return <span className="tabular whitespace-nowrap text-muted">{countdown(Date.parse(iso) - now)}</span>;
}
