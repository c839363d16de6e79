"use client";

import { control, fieldLabel } from "@/lib/ui/controls";
import { storedSetting } from "@/lib/ui/stored-setting";

export const MAX_DELAY_S = 300;

const delaySetting = storedSetting(
  "pitwall.f1.delaySeconds",
  (raw) => {
    const saved = Number(raw);
    return Number.isFinite(saved) && saved > 0 ? Math.min(MAX_DELAY_S, saved) : 0;
  },
  0,
);

/** The TV delay, remembered per browser (0 on the server and until the browser says otherwise). */
export function useDelay(): [number, (seconds: number) => void] {
  return [delaySetting.use(), (seconds) => delaySetting.save(String(Math.max(0, Math.min(MAX_DELAY_S, Math.round(seconds) || 0))))];
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
