"use client";

import { pinOf, togglePin, usePlan } from "./plan-store";

/** Pins a session to "My week" (or takes it off): a toggle button that says which it does. */
export function PinButton({ seasonId, startsAt, label }: { seasonId: number; startsAt: string; label: string }) {
  const plan = usePlan();
  const pin = pinOf(seasonId, startsAt);
  const pinned = plan.pins.includes(pin);
  return (
    <button
      type="button"
      aria-pressed={pinned}
      aria-label={`${pinned ? "Unpin" : "Pin"} ${label}`}
      onClick={() => togglePin(pin)}
      className={`rounded-md border px-2 py-0.5 text-xs font-medium ${pinned ? "border-accent bg-accent text-accent-fg" : "border-border bg-surface hover:bg-surface-2"}`}
    >
      {pinned ? "★ Pinned" : "☆ Pin"}
    </button>
  );
}
