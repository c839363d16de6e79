import { logger } from "@/lib/log";
import type { Rejected } from "../records";

const log = logger("iracing.ingest");

/** Malformed upstream items are logged (the first few reasons) and counted, never written. */
export function reportRejected(what: string, rejected: readonly Rejected[]): number {
  if (rejected.length) log.warn({ what, count: rejected.length, first: rejected.slice(0, 5) }, "iRacing items left out");
  return rejected.length;
}
