export { DEMO_F1TV_TOKEN } from "./config";
export type { Hub } from "./hub";
export type { PlaybackStatus } from "./playback";
export { livetimingSimulator } from "./simulated";
export { BUNDLED_ARCHIVE, livetimingUpstream, type LiveTimingUpstream, type LiveTimingUpstreamOptions } from "./upstream";
