import type { LiveFeedBody } from "@/lib/f1/api-contract";
import { TRACK_STATUS_LABEL, TRACK_STATUS_STYLE, type RaceState } from "./format";

/** Per feed: how long without news means it stopped (positions come only on overtakes, so they get no badge). */
export const STALE_AFTER_MS: Partial<Record<string, number>> = { intervals: 15_000, location: 10_000, laps: 90_000, weather: 180_000 };
const BADGE_FEEDS = [
  ["intervals", "Gaps"],
  ["location", "Map"],
  ["laps", "Laps"],
  ["weather", "Weather"],
] as const;

export function isStale(feeds: LiveFeedBody["feeds"], feed: string, now: number): boolean {
  const received = feeds[feed]?.receivedAt;
  const limit = STALE_AFTER_MS[feed];
  return received !== undefined && received !== null && limit !== undefined && now - Date.parse(received) > limit;
}

function age(iso: string | null | undefined, now: number): string {
  if (!iso) return "–";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** Each feed's age, "stale" when it stopped bringing news. */
export function FeedBadges({ feeds, now }: { feeds: LiveFeedBody["feeds"]; now: number }) {
  return (
    <ul aria-label="Feed freshness" className="flex flex-wrap gap-1.5 text-xs">
      {BADGE_FEEDS.map(([feed, label]) => {
        const stale = isStale(feeds, feed, now);
        return (
          <li
            key={feed}
            data-testid={`feed-${feed}`}
            data-stale={stale ? "true" : "false"}
            className={`tabular rounded border px-1.5 py-0.5 ${stale ? "border-bad text-bad" : "border-border text-muted"}`}
          >
            {label} {stale ? "stale" : age(feeds[feed]?.receivedAt, now)}
          </li>
        );
      })}
    </ul>
  );
}

/** The flag, the leader's lap and the weather: what a timing screen shows above the tower. */
export function RaceHeader({ state, totalLaps }: { state: RaceState; totalLaps?: number | null }) {
  const weather = state.weather;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span data-testid="track-status" className={`rounded px-2 py-1 text-xs font-bold uppercase tracking-wide ${TRACK_STATUS_STYLE[state.trackStatus]}`}>
        {TRACK_STATUS_LABEL[state.trackStatus]}
      </span>
      <span data-testid="lap-counter" className="tabular rounded border border-border bg-surface px-2 py-1 font-semibold">
        Lap {state.lap ?? "–"}
        {totalLaps ? ` / ${totalLaps}` : ""}
      </span>
      {weather ? (
        <span data-testid="weather" className="tabular text-muted">
          Air {weather.airTemperatureC?.toFixed(1) ?? "–"} °C · Track {weather.trackTemperatureC?.toFixed(1) ?? "–"} °C
          {weather.rainfall ? " · Rain" : ""}
        </span>
      ) : null}
    </div>
  );
}
