import { handleEndpoint, handlePreflight } from "@/lib/api";
import { carClassesEndpoint } from "@/lib/iracing/api-contract";
import { carClasses } from "@/lib/iracing/queries";

export const GET = handleEndpoint(carClassesEndpoint, async () => ({ data: await carClasses() }));

export const OPTIONS = handlePreflight(carClassesEndpoint);
