"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { PlannerWeek } from "../read/planner";
import { button, control, fieldLabel, link } from "@/lib/ui/controls";
import { seasonHref } from "./links";
import { Countdown, LocalTime } from "./local-time";
import { OwnedList, type OwnableItem } from "./owned-list";
import { planQuery, readSharedPlan, savePlan, toggleOwned, togglePin, useInBrowser, usePlan } from "./plan-store";
import { purchaseGuide } from "./purchase-guide";
import { canRace, ownedOf, type FreeContent } from "./raceable";

export interface PlannerProps {
  cars: OwnableItem[];
  tracks: OwnableItem[];
  free: FreeContent;
  weeks: PlannerWeek[];
}

function SharedPlanBanner() {
  const inBrowser = useInBrowser();
  const [dismissed, setDismissed] = useState(false);
  const shared = inBrowser ? readSharedPlan(new URLSearchParams(window.location.search)) : null;
  if (!shared || dismissed) return null;
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-accent/50 bg-accent/10 px-3 py-2 text-sm">
      <span>
        This link carries a plan: {shared.cars.length} cars and {shared.tracks.length} tracks.
      </span>
      <span className="flex gap-2">
        <button
          type="button"
          className={button}
          onClick={() => {
            savePlan((plan) => ({ ...plan, ...shared }));
            setDismissed(true);
          }}
        >
          Use this plan
        </button>
        <button type="button" className={button} onClick={() => setDismissed(true)}>
          Keep mine
        </button>
      </span>
    </div>
  );
}

function MyWeek({ weeks }: { weeks: PlannerWeek[] }) {
  const plan = usePlan();
  const [remind, setRemind] = useState("15");
  const seriesOf = new Map(weeks.map((week) => [week.seasonId, week.seriesName]));
  const pinned = plan.pins
    .map((pin) => {
      const [seasonId, seconds] = pin.split("-").map(Number) as [number, number];
      return { pin, seasonId, startsAt: new Date(seconds * 1000).toISOString() };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const calendarHref = `/api/v1/iracing/plan/calendar.ics?${new URLSearchParams({ s: plan.pins.join(","), remind })}`;
  return (
    <section aria-labelledby="my-week" className="space-y-3">
      <h2 id="my-week" className="text-lg font-semibold">
        My week
      </h2>
      {pinned.length === 0 ? (
        <p className="text-sm text-muted">
          Nothing pinned yet: pin sessions on a season page or in{" "}
          <Link href="/iracing/now" className={link}>
            the next 24 hours
          </Link>
          .
        </p>
      ) : (
        <>
          <ol aria-label="Pinned sessions" className="divide-y divide-border/60 rounded-lg border border-border bg-surface">
            {pinned.map(({ pin, seasonId, startsAt }) => (
              <li key={pin} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="flex flex-wrap items-baseline gap-x-3">
                  <LocalTime iso={startsAt} />
                  <Countdown iso={startsAt} />
                  <Link href={seasonHref(seasonId)} className="font-medium hover:underline">
                    {seriesOf.get(seasonId) ?? `Season ${seasonId}`}
                  </Link>
                </span>
                <button type="button" className={button} onClick={() => togglePin(pin)} aria-label={`Remove ${seriesOf.get(seasonId) ?? "session"} at ${startsAt}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <div className="flex flex-wrap items-end gap-3">
            <label className={fieldLabel}>
              Reminder
              <select value={remind} onChange={(event) => setRemind(event.target.value)} className={control}>
                <option value="5">5 minutes before</option>
                <option value="15">15 minutes before</option>
                <option value="30">30 minutes before</option>
                <option value="60">1 hour before</option>
              </select>
            </label>
            <a href={calendarHref} download="my-iracing-week.ics" className={button}>
              Download calendar (.ics)
            </a>
          </div>
        </>
      )}
    </section>
  );
}

/** The race planner: what one owns (kept in this browser, shareable as a link), what to buy next, and My week. */
export function Planner({ cars, tracks, free, weeks }: PlannerProps) {
  const plan = usePlan();
  const inBrowser = useInBrowser();
  const owned = useMemo(() => ownedOf(plan, free), [plan, free]);
  const raceable = weeks.filter((week) => canRace(owned, week)).length;
  const guide = useMemo(() => purchaseGuide(weeks, owned), [weeks, owned]);
  const names = { car: new Map(cars.map((car) => [car.id, car])), track: new Map(tracks.map((track) => [track.id, track])) };
  const shareUrl = inBrowser ? `${window.location.origin}/iracing/planner?${planQuery(plan)}` : "";
  return (
    <div className="space-y-8">
      <SharedPlanBanner />
      <p className="text-sm" data-testid="raceable-weeks">
        With what you own you can race <strong className="tabular">{raceable}</strong> of the <span className="tabular">{weeks.length}</span> race weeks left this season.
      </p>
      <MyWeek weeks={weeks} />
      <section aria-labelledby="purchase-guide" className="space-y-3">
        <h2 id="purchase-guide" className="text-lg font-semibold">
          What to buy next
        </h2>
        {guide.length === 0 ? (
          <p className="text-sm text-muted">No single car or track would open more races: you can race everything a purchase alone would unlock.</p>
        ) : (
          <ol aria-label="Purchase guide" className="divide-y divide-border/60 rounded-lg border border-border bg-surface">
            {guide.map((unlock) => {
              const item = names[unlock.kind].get(unlock.id);
              return (
                <li key={`${unlock.kind}-${unlock.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="text-xs uppercase text-muted">{unlock.kind}</span> <span className="font-medium">{item?.name ?? `#${unlock.id}`}</span>
                    {item?.price ? <span className="tabular text-muted"> · ${item.price.toFixed(2)}</span> : null}
                    <span className="block text-xs text-muted">{unlock.series.slice(0, 3).join(", ")}{unlock.series.length > 3 ? ` and ${unlock.series.length - 3} more` : ""}</span>
                  </span>
                  <span className="tabular whitespace-nowrap">
                    +{unlock.weeks} race week{unlock.weeks === 1 ? "" : "s"}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section aria-labelledby="owned" className="space-y-3">
        <h2 id="owned" className="text-lg font-semibold">
          What you own
        </h2>
        <p className="text-sm text-muted">Kept in this browser only. Share it as a link to use it on another device:</p>
        <input readOnly value={shareUrl} aria-label="Link to this plan" className={`${control} w-full font-mono text-xs`} onFocus={(event) => event.currentTarget.select()} />
        <div className="grid gap-6 md:grid-cols-2">
          <OwnedList title="Cars" items={cars} owned={plan.cars} onToggle={(id) => toggleOwned("cars", id)} />
          <OwnedList title="Tracks" items={tracks} owned={plan.tracks} onToggle={(id) => toggleOwned("tracks", id)} />
        </div>
      </section>
    </div>
  );
}
