export { DEMO_ACCOUNT, LIVE_SESSION_DETAIL } from "./config";
export type { FolderSummary } from "./folder";
export type { PlaybackStatus } from "./playback";
export type { Dataset, Row } from "./rows";
export { openf1FromSettings } from "./settings";
export { SYNTHETIC_KEYS } from "./synthetic/dataset";
export { openf1Upstream, type OpenF1Upstream, type OpenF1UpstreamOptions } from "./upstream";
