import { counter, histogram } from "./registry";

const steps = () =>
  histogram({
    name: "pitwall_job_step_duration_seconds",
    help: "Time of one step of a job run by this instance's executor, by job and outcome",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  });
const runs = () => counter({ name: "pitwall_job_runs_finished_total", help: "Job runs this instance's executor finished, by job and status", labelNames: ["job", "status"] as const });

export function observeStep(job: string, outcome: string, seconds: number): void {
  steps().observe({ job, outcome }, seconds);
}

export function observeRunFinished(job: string, status: string): void {
  runs().inc({ job, status });
}
