"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { Endpoint, ObjectSchema } from "@/lib/api/endpoint";
import { fetchEndpoint } from "@/lib/api/fetcher";
import { useSectionInView } from "@/lib/ui/lazy-section";
import { useRaceTime } from "./race-time";

/** Live pages poll every 5 s; a replay or a delayed view asks again whenever its race time moves. */
export const LIVE_POLL_MS = 5_000;
/** Rows a long panel (pit stops, stints, ...) draws before "Show more": a full field makes thousands. */
export const PANEL_ROWS = 50;

type RaceEndpoint<R extends z.ZodType> = Endpoint<ObjectSchema, ObjectSchema, undefined, R>;

/**
 * One per-race endpoint at the race time the page shows (now, delayed, or a replay's), kept on screen while the next
 * loads; asked only while its section is near the screen.
 */
export function useRaceQuery<R extends z.ZodType>(endpoint: RaceEndpoint<R>, extra: Record<string, string> = {}, enabled = true) {
  const { slug, at, live } = useRaceTime();
  const inView = useSectionInView();
  return useQuery({
    queryKey: ["endurance", endpoint.id, slug, at ?? "now", extra],
    queryFn: ({ signal }) => fetchEndpoint(endpoint, { params: { race: slug }, query: { ...(at === undefined ? {} : { at }), ...extra }, signal }) as Promise<z.output<R>>,
    refetchInterval: live ? LIVE_POLL_MS : false,
    placeholderData: keepPreviousData,
    enabled: enabled && inView,
  });
}
