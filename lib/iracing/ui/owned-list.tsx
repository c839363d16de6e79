"use client";

import { useState } from "react";
import { control } from "@/lib/ui/controls";

export interface OwnableItem {
  id: number;
  name: string;
  free: boolean;
  price: number | null;
}

/** A searchable checklist of cars or tracks: free ones are ticked and fixed, the others say what one owns. */
export function OwnedList({ title, items, owned, onToggle }: { title: string; items: OwnableItem[]; owned: readonly number[]; onToggle: (id: number) => void }) {
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = needle ? items.filter((item) => item.name.toLowerCase().includes(needle)) : items;
  const mine = new Set(owned);
  const count = items.filter((item) => !item.free && mine.has(item.id)).length;
  const headingId = `owned-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-2">
      <h3 id={headingId} className="font-semibold">
        {title} <span className="text-sm font-normal text-muted">({count} owned)</span>
      </h3>
      <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={`Find ${title.toLowerCase()}`} aria-label={`Find ${title.toLowerCase()}`} className={`${control} w-full`} />
      <ul className="max-h-80 space-y-0.5 overflow-y-auto rounded-lg border border-border bg-surface p-2 text-sm">
        {shown.map((item) => (
          <li key={item.id} className="flex items-center justify-between gap-2 rounded px-1 py-0.5 hover:bg-surface-2">
            <label className="flex items-center gap-2">
              <input type="checkbox" className="size-4 accent-accent" checked={item.free || mine.has(item.id)} disabled={item.free} onChange={() => onToggle(item.id)} />
              {item.name}
            </label>
            <span className="tabular text-xs text-muted">{item.free ? "included" : item.price ? `$${item.price.toFixed(2)}` : ""}</span>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-1 py-2 text-muted">Nothing matches “{query}”.</li> : null}
      </ul>
    </section>
  );
}
