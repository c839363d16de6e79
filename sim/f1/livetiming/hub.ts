import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import WebSocket from "ws";
import type { FeedMessage } from "@/lib/f1/livetiming/message";
import { ACCOUNT_TOPICS } from "@/lib/f1/livetiming/topics";
import { wireForm } from "./feed";
import type { Playback } from "./playback";

/** SignalR's record separator: every JSON hub message ends with it. */
const RS = "\u001e";
const PING_EVERY_MS = 10_000;
export const COOKIE_NAME = "AWSALBCORS";

// JSON hub protocol message types.
const INVOCATION = 1;
const COMPLETION = 3;
const PING = 6;
const CLOSE = 7;

interface Client {
  socket: WebSocket;
  topics: Set<string>;
  account: boolean;
}

export interface HubOptions {
  /** F1 TV tokens that unlock the account-only topics. */
  tokens: () => readonly string[];
  /** Withhold the account-only topics from clients without a token (the feed since the 2025 Dutch GP). */
  withholdAccountTopics: () => boolean;
  playback: () => Playback | null;
  port?: number;
  host?: string;
  /** Called for each feed message sent, with performance.now() from before it was encoded: the lag bench's clock. */
  onSend?: (message: FeedMessage, sentAt: number) => void;
}

export interface Hub {
  url: string;
  /** Sends a message to every client subscribed to its topic. */
  broadcast(message: FeedMessage): void;
  /** Drops every socket, as the real feed does now and then. */
  dropAll(): number;
  connections(): number;
  close(): Promise<void>;
}

const cookieOf = (req: IncomingMessage): string | null => new RegExp(`(?:^|;\\s*)${COOKIE_NAME}=([^;]+)`).exec(req.headers.cookie ?? "")?.[1] ?? null;

function bearerOf(req: IncomingMessage, url: URL): string | null {
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return header ?? url.searchParams.get("access_token");
}

/**
 * The feed's SignalR Core endpoint at `/signalrcore`: `negotiate` (the AWSALBCORS cookie first, from an OPTIONS or
 * GET; a negotiate or socket without it is refused, as the load balancer's sticky sessions would fail), then a
 * WebSocket speaking the JSON hub protocol: handshake, `Subscribe([topics])` answered with each topic's keyframe,
 * `feed` invocations `[topic, data, utc]`, pings. Its own server: the shared simulator has no WebSocket upgrades.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const clients = new Set<Client>();
  const connectionTokens = new Map<string, boolean>();
  const sockets = new Set<Socket>();
  // ws 7 is CommonJS: its server is reached through the default export under plain Node ESM.
  const wss = new WebSocket.Server({ noServer: true });

  const allowed = (client: Client, topic: string) =>
    client.topics.has(topic) && (client.account || !options.withholdAccountTopics() || !ACCOUNT_TOPICS.some((locked) => locked === topic || locked === `${topic}.z`));

  function http(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://hub.invalid");
    if (url.pathname !== "/signalrcore/negotiate") {
      res.writeHead(404).end();
      return;
    }
    if (req.method === "OPTIONS" || req.method === "GET") {
      res.writeHead(204, { "set-cookie": `${COOKIE_NAME}=${randomUUID()}; Path=/; SameSite=None` }).end();
      return;
    }
    if (cookieOf(req) === null) {
      res.writeHead(401, { "content-type": "text/plain" }).end(`negotiate needs the ${COOKIE_NAME} cookie`);
      return;
    }
    const token = bearerOf(req, url);
    const connectionToken = randomUUID();
    connectionTokens.set(connectionToken, token !== null && options.tokens().includes(token));
    const body = JSON.stringify({
      negotiateVersion: 1,
      connectionId: randomUUID(),
      connectionToken,
      availableTransports: [{ transport: "WebSockets", transferFormats: ["Text", "Binary"] }],
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  }

  function send(client: Client, message: object): void {
    if (client.socket.readyState === WebSocket.OPEN) client.socket.send(JSON.stringify(message) + RS);
  }

  function invoked(client: Client, message: { type?: unknown; target?: unknown; arguments?: unknown; invocationId?: unknown }): void {
    if (message.type === PING) return;
    if (message.type === CLOSE) {
      client.socket.close();
      return;
    }
    if (message.type !== INVOCATION || message.target !== "Subscribe") return;
    const wanted = Array.isArray(message.arguments) && Array.isArray(message.arguments[0]) ? (message.arguments[0] as unknown[]) : [];
    for (const topic of wanted) if (typeof topic === "string") client.topics.add(topic.replace(/\.z$/, ""));
    const result: Record<string, unknown> = {};
    const playback = options.playback();
    for (const [topic, state] of playback?.keyframes() ?? []) {
      if (!allowed(client, topic)) continue;
      const [name, data] = wireForm(topic, state);
      result[name] = data;
    }
    // The heartbeat dates the keyframes: the session's clock, not the wall clock of a replay.
    const at = playback?.status().at;
    if (client.topics.has("Heartbeat") && at !== null && at !== undefined) result.Heartbeat = { Utc: new Date(at).toISOString() };
    if (typeof message.invocationId === "string") send(client, { type: COMPLETION, invocationId: message.invocationId, result });
  }

  function connected(socket: WebSocket, account: boolean): void {
    const client: Client = { socket, topics: new Set(), account };
    let handshaken = false;
    clients.add(client);
    const ping = setInterval(() => send(client, { type: PING }), PING_EVERY_MS);
    socket.on("close", () => {
      clearInterval(ping);
      clients.delete(client);
    });
    socket.on("message", (data) => {
      for (const frame of data.toString().split(RS)) {
        if (frame.trim() === "") continue;
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(frame) as Record<string, unknown>;
        } catch {
          socket.close(1002, "not JSON");
          return;
        }
        if (!handshaken) {
          handshaken = true;
          if (parsed.protocol !== "json") {
            socket.send(JSON.stringify({ error: `protocol ${String(parsed.protocol)} is not supported` }) + RS);
            socket.close();
            return;
          }
          socket.send("{}" + RS);
          continue;
        }
        invoked(client, parsed);
      }
    });
  }

  const server = createServer(http);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("upgrade", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://hub.invalid");
    const id = url.searchParams.get("id");
    const account = id === null ? undefined : connectionTokens.get(id);
    if (url.pathname !== "/signalrcore" || account === undefined || cookieOf(req) === null) {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return;
    }
    connectionTokens.delete(id as string);
    wss.handleUpgrade(req, socket, head, (ws) => connected(ws, account));
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  // The simulator stops by exiting; the hub must not keep it alive.
  server.unref();
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the hub did not get a TCP address");

  return {
    url: `http://${host}:${address.port}`,
    broadcast(message) {
      const sentAt = performance.now();
      const [topic, data] = wireForm(message.topic, message.data);
      let frame: string | null = null;
      for (const client of clients) {
        if (!allowed(client, message.topic)) continue;
        frame ??= JSON.stringify({ type: INVOCATION, target: "feed", arguments: [topic, data, new Date(message.at).toISOString()] }) + RS;
        if (client.socket.readyState === WebSocket.OPEN) client.socket.send(frame);
      }
      if (frame !== null) options.onSend?.(message, sentAt);
    },
    dropAll() {
      const count = clients.size;
      for (const client of clients) client.socket.terminate();
      return count;
    },
    connections: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.socket.terminate();
        wss.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
