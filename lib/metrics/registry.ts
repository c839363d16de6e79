import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// One registry per process, shared through globalThis: the launcher (HTTP metrics), Next's route bundles and the job
// executor each load this module on their own, and all must count into the same place.
const g = globalThis as unknown as { __pitwallMetrics?: Registry };

export function metricsRegistry(): Registry {
  if (!g.__pitwallMetrics) {
    const registry = new Registry();
    registry.setDefaultLabels({ service: "pitwall" });
    collectDefaultMetrics({ register: registry, prefix: "pitwall_" });
    g.__pitwallMetrics = registry;
  }
  return g.__pitwallMetrics;
}

type Config<T extends string> = { name: string; help: string; labelNames?: readonly T[] };

/** The metric named so in the shared registry, made on first use (every bundle asks for it by name). */
export function counter<T extends string>(config: Config<T>): Counter<T> {
  return (metricsRegistry().getSingleMetric(config.name) as Counter<T> | undefined) ?? new Counter({ ...config, registers: [metricsRegistry()] });
}

export function histogram<T extends string>(config: Config<T> & { buckets: number[] }): Histogram<T> {
  return (metricsRegistry().getSingleMetric(config.name) as Histogram<T> | undefined) ?? new Histogram({ ...config, registers: [metricsRegistry()] });
}

export function gauge<T extends string>(config: Config<T> & { collect?: (this: Gauge<T>) => Promise<void> | void }): Gauge<T> {
  return (metricsRegistry().getSingleMetric(config.name) as Gauge<T> | undefined) ?? new Gauge({ ...config, registers: [metricsRegistry()] });
}

/** Seconds, for latency histograms: from 5 ms to a minute. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
