import { env } from "@/lib/env";
import { pruneExpiredCache } from "./cache";
import { deleteCallsOlderThan } from "./ledger";

export interface PruneCounts {
  /** Ledger rows older than the retention period that were deleted. */
  callsDeleted: number;
  /** Expired response cache entries that were deleted. */
  cacheEntriesDeleted: number;
}

/** Daily housekeeping: drops ledger rows past retention and expired cache entries. */
export async function pruneLedger(olderThanDays: number = env().API_LEDGER_RETENTION_DAYS): Promise<PruneCounts> {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 0) throw new RangeError(`olderThanDays must be a whole number >= 0, got ${olderThanDays}`);
  const callsDeleted = await deleteCallsOlderThan(olderThanDays);
  const cacheEntriesDeleted = await pruneExpiredCache();
  return { callsDeleted, cacheEntriesDeleted };
}
