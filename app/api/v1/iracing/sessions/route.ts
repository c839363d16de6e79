import { handleEndpoint, handlePreflight } from "@/lib/api";
import { sessionsEndpoint } from "@/lib/iracing/api-contract";
import { sessionsInWindow } from "@/lib/iracing/queries";

export const GET = handleEndpoint(sessionsEndpoint, async ({ query }) => {
  const from = query.from ? new Date(query.from) : new Date();
  const to = new Date(from.getTime() + query.hours * 3_600_000);
  const data = await sessionsInWindow({ from, to, category: query.category, seriesId: query.seriesId });
  return { from: from.toISOString(), to: to.toISOString(), data };
});

export const OPTIONS = handlePreflight(sessionsEndpoint);
