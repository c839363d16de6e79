"use client";

import Link from "next/link";
import { useState } from "react";
import { usePlan } from "./plan-store";

/**
 * "Only what I can race": filters a list by the content marked as owned in the planner. With nothing marked yet, it
 * says where to mark it instead of emptying the list.
 */
export function useRaceableFilter(): { only: boolean; toggle: React.ReactNode } {
  const [only, setOnly] = useState(false);
  const plan = usePlan();
  const nothingMarked = plan.cars.length === 0 && plan.tracks.length === 0;
  const toggle = (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={only} onChange={(event) => setOnly(event.target.checked)} className="size-4 accent-accent" />
        Only what I can race
      </label>
      <span className="text-xs text-muted">
        {nothingMarked ? (
          <>
            Free content only until you{" "}
            <Link href="/iracing/planner" className="underline">
              mark what you own
            </Link>
            .
          </>
        ) : (
          <>
            {plan.cars.length} cars and {plan.tracks.length} tracks marked in{" "}
            <Link href="/iracing/planner" className="underline">
              the planner
            </Link>
            .
          </>
        )}
      </span>
    </div>
  );
  return { only, toggle };
}
