import { NonRetriableError, type GetStepTools } from "inngest";
import { PermanentJobError, utcSchedule, type JobDefinition, type Steps } from "@/lib/jobs/job";
import { servedJobs } from "@/lib/jobs/kinds";
import { inngest } from "./client";

type InngestSteps = GetStepTools<typeof inngest>;

/** A permanent failure in Pitwall's terms becomes Inngest's "do not retry". */
function asRunnerError(error: unknown): unknown {
  return error instanceof PermanentJobError ? new NonRetriableError(error.message, { cause: error }) : error;
}

/** The steps port (lib/jobs/job.ts) on Inngest's step tools. */
function stepsOf(step: InngestSteps): Steps {
  return {
    run: <T>(id: string, work: () => Promise<T> | T) =>
      step.run(id, async () => {
        try {
          return await work();
        } catch (error) {
          throw asRunnerError(error);
        }
      }) as Promise<T>,
    sleep: (id, duration) => step.sleep(id, duration),
    sleepUntil: (id, until) => step.sleepUntil(id, until),
    sendEvent: async (id, events) => {
      await step.sendEvent(id, (Array.isArray(events) ? events : [events]) as never);
    },
  };
}

function inngestFunction(job: JobDefinition) {
  return inngest.createFunction(
    {
      id: job.id,
      name: job.name,
      retries: job.retries,
      concurrency: job.concurrency,
      cancelOn: job.cancelOn,
      triggers: job.triggers.map((trigger) => ("cron" in trigger ? { cron: utcSchedule(trigger.cron) } : trigger)),
    },
    async ({ event, step, runId, attempt }) => {
      try {
        return await job.run({ event: { name: event.name, data: (event.data ?? {}) as Record<string, unknown> }, steps: stepsOf(step), runId, attempt });
      } catch (error) {
        throw asRunnerError(error);
      }
    },
  );
}

/** Every job of the app (lib/jobs/kinds.ts) as an Inngest function: what /api/inngest serves to any runner. */
export const functions = servedJobs().map(inngestFunction);
