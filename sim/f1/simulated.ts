import type { SimulatedUpstream } from "../simulated";
import { livetimingSimulator } from "./livetiming/simulated";
import { openf1FromSettings } from "./openf1/settings";

/** OpenF1 (api.openf1.org) under /openf1, from SIM_OPENF1_* settings. */
const openf1Simulator: SimulatedUpstream = {
  create: openf1FromSettings,
  pitwallEnv: (url, settings) => ({
    F1_OPENF1_BASE_URL: `${url}/openf1`,
    F1_OPENF1_USERNAME: settings.SIM_OPENF1_USERNAME ?? "pitwall",
    F1_OPENF1_PASSWORD: settings.SIM_OPENF1_PASSWORD ?? "pitwall-demo",
  }),
};

/** The F1 domain's simulated upstreams: OpenF1, and the official live-timing feed under /f1-livetiming. */
export const f1Simulators: readonly SimulatedUpstream[] = [openf1Simulator, livetimingSimulator];
