/** Starts (or continues) a session's poller: `{ sessionKey, mode, speed?, from?, owner?, previousOwner? }`. */
export const POLLER_EVENT = "f1/poller.requested";
/** Asks at once whether a session is live (the cron asks every minute). */
export const WATCH_EVENT = "f1/watch.requested";
