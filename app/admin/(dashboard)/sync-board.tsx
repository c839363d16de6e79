"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { isActive } from "@/lib/admin/run-view";
import type { SyncCardView } from "@/lib/admin/syncs";
import { SyncCard } from "./sync-card";
import { Timestamp } from "./timestamp";

const boardKey = ["admin", "sync-board"] as const;

class SessionEnded extends Error {}

async function fetchBoard(): Promise<SyncCardView[]> {
  const response = await fetch("/admin/live", { cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 401) throw new SessionEnded("Your admin session has ended.");
  if (!response.ok) throw new Error(`The dashboard could not refresh (HTTP ${response.status}).`);
  return ((await response.json()) as { cards: SyncCardView[] }).cards;
}

/** The overview's cards, kept live: polled every second while any run is queued or running, every 10 s otherwise. */
export function SyncBoard({ initial }: { initial: SyncCardView[] }) {
  const queryClient = useQueryClient();
  const { data: cards, error, dataUpdatedAt } = useQuery({
    queryKey: boardKey,
    queryFn: fetchBoard,
    initialData: initial,
    refetchInterval: (query) => {
      if (query.state.error instanceof SessionEnded) return false;
      return query.state.data?.some((card) => card.lastRun && isActive(card.lastRun.status)) ? 1_000 : 10_000;
    },
    retry: (failures, err) => !(err instanceof SessionEnded) && failures < 2,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: boardKey });

  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted" aria-live="polite">
        {error instanceof SessionEnded ? (
          <span className="text-bad">
            {error.message} <Link className="underline" href="/admin/login">
              Log in again
            </Link>
          </span>
        ) : error ? (
          <span className="text-warn">⚠ {error.message} Showing the last known state; retrying.</span>
        ) : (
          <span>
            <span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-ok align-middle" />
            Live · updated <Timestamp iso={new Date(dataUpdatedAt).toISOString()} mode="clock" />
          </span>
        )}
      </p>
      <ul className="grid gap-4 lg:grid-cols-2">
        {cards.map((card) => (
          <li key={card.kind}>
            <SyncCard card={card} onChange={refresh} />
          </li>
        ))}
      </ul>
    </div>
  );
}
