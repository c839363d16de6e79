import { SingleBar } from "cli-progress";

export interface RunView {
  status: string;
  done: number;
  total: number | null;
  currentItem: string | null;
  error: string | null;
}

const ENDED = new Set(["succeeded", "failed", "cancelled"]);

/**
 * Shows a run's progress as a terminal bar until it ends (`read` is polled every `intervalMs`); resolves with its end.
 * Without a terminal (cron, CI), prints a line whenever the progress changes instead.
 */
export async function followRun(read: () => Promise<RunView>, intervalMs = 1_000): Promise<RunView> {
  const tty = process.stdout.isTTY === true;
  const bar = new SingleBar({ format: " {bar} {percentage}% | {value}/{total} | {item}", hideCursor: true, clearOnComplete: false }, undefined);
  let started = false;
  let last = "";
  for (;;) {
    const run = await read();
    const total = run.total ?? 0;
    if (tty && total > 0) {
      if (!started) bar.start(total, run.done, { item: run.currentItem ?? "" });
      started = true;
      bar.setTotal(total);
      bar.update(run.done, { item: (run.currentItem ?? run.status).slice(0, 60) });
    } else if (!tty) {
      const line = `${run.status}: ${run.done}${run.total === null ? "" : ` / ${run.total}`}${run.currentItem ? ` (${run.currentItem})` : ""}`;
      if (line !== last) console.log(line);
      last = line;
    }
    if (ENDED.has(run.status)) {
      if (started) bar.stop();
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
