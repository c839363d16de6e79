import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { handleControl } from "./control";
import { decideFault, FaultTable, type FaultPatch, type FaultProfile } from "./faults";
import { probeUpstream } from "./probe";
import { mulberry32 } from "@/lib/random";
import { hash32, hashString } from "./random";
import { StatsTable, type SimStats } from "./stats";

export type { FaultProfile } from "./faults";
export type { PrefixStats, SimStats } from "./stats";

export interface SimRequest {
  method: string;
  /** The path below the upstream's prefix, starting with "/". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A plain object is sent as JSON. */
  body: string | Buffer | object;
}

export interface SimContext {
  seed: number;
  /** This upstream's deterministic stream: the same seed and request sequence give the same values. */
  random(): number;
}

export interface Upstream {
  /** e.g. "/raceroom" */
  prefix: string;
  name: string;
  handle(req: SimRequest, ctx: SimContext): SimResponse | Promise<SimResponse>;
  /** Back to the state of day one for this seed. */
  reset?(seed: number): void;
  /** `POST /_control/<prefix without slash>/<action>`; throw a ZodError or SimControlError for bad input (400). */
  control?(action: string, body: unknown): unknown;
}

export { SimControlError } from "./control-error";

export interface SimulatorOptions {
  port?: number;
  host?: string;
  seed?: number;
  upstreams?: Upstream[];
  faults?: Partial<FaultProfile>;
}

export interface Simulator {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: Partial<FaultProfile>, prefix?: string): void;
  reset(seed?: number): void;
  stats(): SimStats;
}

/** What the control API acts on. */
export interface SimulatorCore {
  readonly upstreams: Upstream[];
  readonly faults: FaultTable;
  seed(): number;
  reset(seed?: number): void;
  stats(): SimStats;
}

const MAX_BODY_BYTES = 1024 * 1024;
const PREFIX = /^\/[a-z0-9_-]+$/;

/** Per upstream: its context stream (generators, quirks) and its fault stream, both seeded from the prefix. */
class Streams {
  random: () => number = Math.random;
  faultRandom: () => number = Math.random;

  constructor(private readonly prefix: string) {}

  reseed(seed: number): void {
    this.random = mulberry32(hash32(seed, hashString(this.prefix), 1));
    this.faultRandom = mulberry32(hash32(seed, hashString(this.prefix), 2));
  }
}

/**
 * Starts one HTTP server that answers for every upstream under its prefix, plus `/_probe` and the
 * control API under `/_control`. Port 0 (the default) picks a free port.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const initialSeed = opts.seed ?? 1;
  const upstreams = [probeUpstream(), ...(opts.upstreams ?? [])];
  const prefixes = upstreams.map((upstream) => upstream.prefix);
  for (const prefix of prefixes) {
    if (!PREFIX.test(prefix)) throw new Error(`upstream prefix ${prefix} must look like /name`);
    if (prefix === "/_control") throw new Error("/_control is reserved for the control API");
  }
  if (new Set(prefixes).size !== prefixes.length) throw new Error(`duplicate upstream prefix in ${prefixes.join(", ")}`);

  let seed = initialSeed;
  const faults = new FaultTable(opts.faults ?? {});
  const counters = new StatsTable(prefixes);
  const streams = new Map(upstreams.map((upstream) => [upstream, new Streams(upstream.prefix)]));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const core: SimulatorCore = {
    upstreams,
    faults,
    seed: () => seed,
    reset(next) {
      seed = next ?? initialSeed;
      faults.reset();
      counters.reset();
      for (const upstream of upstreams) {
        streams.get(upstream)?.reseed(seed);
        upstream.reset?.(seed);
      }
    },
    stats: () => counters.snapshot(seed),
  };
  core.reset(seed);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const body = await readBody(req);
    if (url.pathname === "/_control" || url.pathname.startsWith("/_control/")) {
      send(res, await handleControl(core, req.method ?? "GET", url.pathname, body));
      return;
    }
    const upstream = upstreams.find((u) => url.pathname === u.prefix || url.pathname.startsWith(`${u.prefix}/`));
    const stream = upstream && streams.get(upstream);
    if (!upstream || !stream) {
      send(res, { status: 404, body: { error: `no simulated upstream serves ${url.pathname}` } });
      return;
    }

    counters.arrived(upstream.prefix, Date.now());
    const profile = faults.effective(upstream.prefix);
    const decision = decideFault(profile, stream.faultRandom);
    if (decision.kind) counters.injected(upstream.prefix, decision.kind);
    // A timed-out request is read and then never answered; close() destroys its socket.
    if (decision.kind === "timeout") return;
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (res.destroyed) return;

    if (decision.kind === "error") {
      send(res, { status: 500, body: { error: "simulated upstream failure" } });
      return;
    }
    if (decision.kind === "rateLimit") {
      send(res, rateLimited(profile.retryAfterSeconds));
      return;
    }
    const response = await upstream.handle(
      { method: req.method ?? "GET", path: url.pathname.slice(upstream.prefix.length) || "/", query: url.searchParams, headers: req.headers, body },
      { seed, random: stream.random },
    );
    if (decision.kind === "truncate") sendTruncated(res, response);
    else send(res, response);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { error: `simulator bug: ${message}` } });
      else res.destroy();
    });
  });
  // Longer than the clients' keep-alive, so an idle pooled connection is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("simulator did not get a TCP address");
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
    setFaults: (patch: FaultPatch, prefix?: string) => faults.update(patch, prefix),
    reset: (next?: number) => core.reset(next),
    stats: () => core.stats(),
  };
}

function rateLimited(retryAfterSeconds: number): SimResponse {
  return {
    status: 429,
    headers: {
      "retry-after": String(retryAfterSeconds),
      "x-ratelimit-limit": "60",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + retryAfterSeconds),
    },
    body: { error: "rate limit exceeded" },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body over 1 MiB"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function encode(response: SimResponse): { status: number; headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  let body: Buffer;
  let type: string;
  if (Buffer.isBuffer(response.body)) {
    body = response.body;
    type = "application/octet-stream";
  } else if (typeof response.body === "string") {
    body = Buffer.from(response.body, "utf8");
    type = "text/plain; charset=utf-8";
  } else {
    body = Buffer.from(JSON.stringify(response.body), "utf8");
    type = "application/json; charset=utf-8";
  }
  headers["content-type"] ??= type;
  headers["content-length"] = String(body.length);
  return { status: response.status ?? 200, headers, body };
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const { status, headers, body } = encode(response);
  if (status === 204 || status === 304) {
    delete headers["content-length"];
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, headers).end(body);
}

/** Announces the full length, sends half of the body, then drops the connection. */
function sendTruncated(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const { status, headers, body } = encode(response);
  res.writeHead(status, headers);
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
