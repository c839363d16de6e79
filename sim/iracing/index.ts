export { IRACING_DEMO_CREDENTIALS, type IracingOptions, type IracingOptionsInput } from "./config";
export { iracingSimulator } from "./simulated";
export { iracingUpstream, type IracingUpstream } from "./upstream";
export type { IracingWorld } from "./world";
