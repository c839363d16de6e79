"use client";

import { useSyncExternalStore } from "react";

export interface StoredSetting<T> {
  /** The setting now; `serverValue` on the server and in the first paint, the browser's own right after. */
  use(): T;
  /** Keeps `raw` (null forgets it) and tells every reader in this tab; other tabs hear it through the storage event. */
  save(raw: string | null): void;
}

/**
 * A visitor's setting kept in the browser (localStorage under `key`), read through `read` (which must return equal
 * values for equal text: a number, a flag) and shared by every component and tab that shows it.
 */
export function storedSetting<T>(key: string, read: (raw: string | null) => T, serverValue: T): StoredSetting<T> {
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) listener();
    };
    listeners.add(listener);
    window.addEventListener("storage", onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener("storage", onStorage);
    };
  };
  const current = () => read(window.localStorage.getItem(key));
  return {
    use: () => useSyncExternalStore(subscribe, current, () => serverValue),
    save(raw) {
      if (raw === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, raw);
      for (const listener of listeners) listener();
    },
  };
}
