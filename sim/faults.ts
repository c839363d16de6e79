import { z } from "zod";

/** What can go wrong between a client and an upstream, as probabilities per request plus a delay. */
export interface FaultProfile {
  latencyMs: number;
  jitterMs: number;
  errorRate: number;
  rateLimitRate: number;
  retryAfterSeconds: number;
  timeoutRate: number;
  truncateRate: number;
}

export const NO_FAULTS: FaultProfile = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  timeoutRate: 0,
  truncateRate: 0,
};

const rate = z.number().min(0).max(1);
const millis = z.number().min(0).max(600_000);

/** A partial profile: the fields a control call or `setFaults` may change. Unknown fields are refused. */
export const faultPatchSchema = z.strictObject({
  latencyMs: millis.optional(),
  jitterMs: millis.optional(),
  errorRate: rate.optional(),
  rateLimitRate: rate.optional(),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
  timeoutRate: rate.optional(),
  truncateRate: rate.optional(),
});

export type FaultPatch = z.infer<typeof faultPatchSchema>;

export class FaultProfileError extends Error {}

export type FaultKind = "error" | "rateLimit" | "timeout" | "truncate";

export interface FaultDecision {
  kind: FaultKind | undefined;
  delayMs: number;
}

/**
 * One decision per request. Always draws the same two numbers, so changing one rate never shifts the
 * stream that later requests see.
 */
export function decideFault(profile: FaultProfile, random: () => number): FaultDecision {
  const roll = random();
  const jitter = random();
  const delayMs = profile.latencyMs + jitter * profile.jitterMs;
  let edge = profile.errorRate;
  if (roll < edge) return { kind: "error", delayMs };
  edge += profile.rateLimitRate;
  if (roll < edge) return { kind: "rateLimit", delayMs };
  edge += profile.timeoutRate;
  if (roll < edge) return { kind: "timeout", delayMs };
  edge += profile.truncateRate;
  if (roll < edge) return { kind: "truncate", delayMs };
  return { kind: undefined, delayMs };
}

/** The global profile plus per-prefix overrides (fields an override leaves out follow the global one). */
export class FaultTable {
  private global: FaultProfile;
  private overrides = new Map<string, FaultPatch>();

  private readonly initial: FaultPatch;

  constructor(initial: FaultPatch) {
    this.initial = faultPatchSchema.parse(initial);
    this.global = merge(NO_FAULTS, this.initial);
    checkRates(this.global, "global");
  }

  /** Applies a patch globally or to one prefix; refuses a profile whose rates add up to more than 1. */
  update(patch: FaultPatch, prefix?: string): void {
    const parsed = faultPatchSchema.parse(patch);
    if (prefix === undefined) {
      const next = merge(this.global, parsed);
      for (const [name, override] of this.overrides) checkRates(merge(next, override), name);
      checkRates(next, "global");
      this.global = next;
      return;
    }
    const override = { ...this.overrides.get(prefix), ...stripUndefined(parsed) };
    checkRates(merge(this.global, override), prefix);
    this.overrides.set(prefix, override);
  }

  effective(prefix: string): FaultProfile {
    const override = this.overrides.get(prefix);
    return override ? merge(this.global, override) : this.global;
  }

  snapshot(prefixes: string[]): { global: FaultProfile; overrides: Record<string, FaultPatch>; effective: Record<string, FaultProfile> } {
    return {
      global: this.global,
      overrides: Object.fromEntries(this.overrides),
      effective: Object.fromEntries(prefixes.map((prefix) => [prefix, this.effective(prefix)])),
    };
  }

  /** Back to the profile the simulator was started with, overrides dropped. */
  reset(): void {
    this.global = merge(NO_FAULTS, this.initial);
    this.overrides.clear();
  }
}

function stripUndefined(patch: FaultPatch): FaultPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

function merge(base: FaultProfile, patch: FaultPatch): FaultProfile {
  return { ...base, ...stripUndefined(patch) };
}

function checkRates(profile: FaultProfile, where: string): void {
  const total = profile.errorRate + profile.rateLimitRate + profile.timeoutRate + profile.truncateRate;
  if (total > 1 + 1e-9) {
    throw new FaultProfileError(`fault rates for ${where} add up to ${total.toFixed(3)}, more than 1`);
  }
}
