/**
 * Load from wrk (Debian package `wrk`), a load generator in C. A load generator written in Node spends as much CPU
 * per request as a bare node:http server does to answer it, so on a 2-core machine it halves what the server can show
 * and adds its own event-loop delay to every latency. wrk's cost per request is a fraction of that.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface WrkLoad {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx/3xx answers plus connect, read, write and timeout errors. */
  errors: number;
}

// Each thread connects to its own address (WRK_PORTS, round robin), so one run spreads over several instances and
// still reports one latency distribution. Latencies are in microseconds.
const SCRIPT = `
local ports = {}
for port in string.gmatch(os.getenv("WRK_PORTS"), "%d+") do table.insert(ports, port) end
local next_thread = 0
function setup(thread)
  local port = ports[(next_thread % #ports) + 1]
  next_thread = next_thread + 1
  thread.addr = wrk.lookup(wrk.host, port)[1]
end
local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
if think > 0 then
  -- A viewer's page polls about every \`think\` ms, the viewers out of step with each other.
  function delay() return math.random(math.floor(think / 2), math.floor(think * 3 / 2)) end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('PITWALL {"requests":%d,"durationUs":%d,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
end
`;

let scriptFile: string | undefined;

/**
 * `connections` keep-alive connections asking in a loop for `seconds` against `url`'s path, each waiting about
 * `thinkMs` between answer and next request when given (0: none, the server saturated); with `ports`, the connections
 * are spread over those ports of `url`'s host (one wrk thread per port, or two threads for one port).
 */
export async function wrk(url: string, options: { connections: number; seconds: number; ports?: number[]; thinkMs?: number }): Promise<WrkLoad> {
  if (!scriptFile) {
    scriptFile = path.join(tmpdir(), `pitwall-wrk-${process.pid}.lua`);
    writeFileSync(scriptFile, SCRIPT);
  }
  const ports = options.ports ?? [Number(new URL(url).port)];
  const threads = ports.length === 1 ? 2 : ports.length;
  const args = ["-t", String(threads), "-c", String(options.connections), "-d", `${options.seconds}s`, "--timeout", "10s", "-s", scriptFile, url];
  const output = await new Promise<string>((resolve, reject) =>
    execFile("wrk", args, { env: { ...process.env, WRK_PORTS: ports.join(","), WRK_THINK_MS: String(options.thinkMs ?? 0) } }, (error, stdout) => {
      if (error) reject((error as NodeJS.ErrnoException).code === "ENOENT" ? new Error("wrk is not installed (apt-get install wrk)") : error);
      else resolve(stdout);
    }),
  );
  const line = output.split("\n").find((text) => text.startsWith("PITWALL "));
  if (!line) throw new Error(`wrk printed no summary:\n${output}`);
  const figures = JSON.parse(line.slice("PITWALL ".length)) as { requests: number; durationUs: number; p50: number; p95: number; p99: number; errors: number };
  return {
    perSecond: figures.requests / (figures.durationUs / 1e6),
    p50: figures.p50 / 1000,
    p95: figures.p95 / 1000,
    p99: figures.p99 / 1000,
    errors: figures.errors,
  };
}
