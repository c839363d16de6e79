"use client";

import { useEffect, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY, themeScript } from "./theme-script";

const choices = ["system", "light", "dark"] as const;
type Choice = (typeof choices)[number];
const labels: Record<Choice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const icons: Record<Choice, string> = { system: "◐", light: "☀", dark: "☾" };

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function readChoice(): Choice {
  const stored = localStorage.getItem(THEME_STORAGE_KEY) as Choice | null;
  return stored && choices.includes(stored) ? stored : "system";
}

/** Cycles system → light → dark; the choice is kept in localStorage. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as Choice);
  // A page that Next renders in the browser (notFound() in a dynamic page, vercel/next.js#62228) never ran the inline
  // script, and a root that React renders again in the browser has lost <html data-theme>: apply it on every mount.
  useEffect(() => {
    const apply = (window as unknown as { __pitwallApplyTheme?: () => void }).__pitwallApplyTheme;
    if (apply) {
      apply();
      return;
    }
    const script = document.createElement("script");
    script.text = themeScript;
    document.head.append(script);
  }, []);

  function next() {
    const value = choices[(choices.indexOf(choice) + 1) % choices.length] ?? "system";
    localStorage.setItem(THEME_STORAGE_KEY, value);
    (window as unknown as { __pitwallApplyTheme?: () => void }).__pitwallApplyTheme?.();
    listeners.forEach((l) => l());
  }

  return (
    <button
      type="button"
      onClick={next}
      aria-label={`${labels[choice]} (click to change)`}
      title={labels[choice]}
      data-testid="theme-toggle"
      data-choice={choice}
      className="flex h-9 w-9 items-center justify-center rounded-md border border-border text-lg hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent"
    >
      <span aria-hidden>{icons[choice]}</span>
    </button>
  );
}
