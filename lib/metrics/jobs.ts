import { jobRunsFinished, jobSteps } from "./catalogue";

export function observeStep(job: string, outcome: string, seconds: number): void {
  jobSteps().observe({ job, outcome }, seconds);
}

export function observeRunFinished(job: string, status: string): void {
  jobRunsFinished().inc({ job, status });
}
