import { handleEndpoint, handlePreflight } from "@/lib/api";
import { sessionsEndpoint } from "@/lib/f1/api-contract";
import { listSessions } from "@/lib/f1/queries";

export const GET = handleEndpoint(sessionsEndpoint, async ({ query: { limit } }) => ({ data: await listSessions(limit) }));

export const OPTIONS = handlePreflight(sessionsEndpoint);
