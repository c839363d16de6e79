import { createServer, type Server } from "node:net";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openNoDelaySocket } from "@/db/socket";
import { useTestDatabase } from "../support/database";

/** A port that refuses connections: one a server listened on and released. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("database sockets", () => {
  const database = useTestDatabase();
  const clients: postgres.Sql[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.end({ timeout: 5 }))));

  it("tries the hosts in order and uses the first that answers", async () => {
    const url = new URL(database.url);
    const refused = await closedPort();
    const socket = await openNoDelaySocket({ host: [url.hostname, url.hostname], port: [refused, Number(url.port || 5432)] });
    expect(socket.remotePort).toBe(Number(url.port || 5432));
    socket.destroy();

    const client = postgres(database.url, { max: 1, socket: openNoDelaySocket } as postgres.Options<Record<string, never>>);
    clients.push(client);
    expect((await client`select 1 as one`)[0]).toEqual({ one: 1 });
  });

  it("fails with the connection error when no host answers", async () => {
    const refused = await closedPort();
    await expect(openNoDelaySocket({ host: ["127.0.0.1"], port: [refused] })).rejects.toThrow(/ECONNREFUSED/);
  });
});
