"use client";

import { useSyncExternalStore } from "react";
import { control, fieldLabel } from "@/lib/ui/controls";

const STORAGE_KEY = "pitwall.f1.delaySeconds";
export const MAX_DELAY_S = 300;

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function savedDelay(): number {
  const saved = Number(window.localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(saved) && saved > 0 ? Math.min(MAX_DELAY_S, saved) : 0;
}

/** The TV delay, remembered per browser (0 on the server and until the browser says otherwise). */
export function useDelay(): [number, (seconds: number) => void] {
  const delay = useSyncExternalStore(subscribe, savedDelay, () => 0);
  return [
    delay,
    (seconds) => {
      const value = Math.max(0, Math.min(MAX_DELAY_S, Math.round(seconds) || 0));
      window.localStorage.setItem(STORAGE_KEY, String(value));
      for (const listener of listeners) listener();
    },
  ];
}

/** Delays the whole page (tower, map, race control, flag) by the same number of seconds, to match a TV picture. */
export function DelayControl({ delay, onChange }: { delay: number; onChange: (seconds: number) => void }) {
  return (
    <label className={`${fieldLabel} flex-row items-center gap-2`}>
      TV delay (s)
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DELAY_S}
        step={1}
        value={delay}
        onChange={(event) => onChange(Number(event.target.value))}
        className={`${control} w-20`}
        data-testid="delay-input"
      />
    </label>
  );
}
