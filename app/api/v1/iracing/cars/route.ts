import { handleEndpoint, handlePreflight } from "@/lib/api";
import { carsEndpoint } from "@/lib/iracing/api-contract";
import { cars } from "@/lib/iracing/queries";

export const GET = handleEndpoint(carsEndpoint, async () => ({ data: await cars() }));

export const OPTIONS = handlePreflight(carsEndpoint);
