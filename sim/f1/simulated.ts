import type { SimulatedUpstream } from "../simulated";
import { openf1FromSettings } from "./openf1/settings";

/** The F1 domain's simulated upstream: OpenF1 (api.openf1.org) under /openf1, from SIM_OPENF1_* settings. */
export const f1Simulator: SimulatedUpstream = {
  create: openf1FromSettings,
};
