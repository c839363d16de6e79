import { once } from "node:events";
import net from "node:net";

interface SocketOptions {
  host: string[];
  port: number[];
  path?: string;
}

/**
 * Opens a database connection with TCP_NODELAY, as libpq does. postgres.js leaves Nagle's algorithm on, and a
 * small message sent right after another (the end of a COPY, then the next statement) then waits for the
 * server's delayed ACK: 40 ms per statement, measured. Hosts are tried in order, like postgres.js does.
 */
export async function openNoDelaySocket(options: SocketOptions): Promise<net.Socket> {
  if (options.path) return connected(net.connect(options.path));
  let failure: unknown = new Error("no database host to connect to");
  for (const [i, host] of options.host.entries()) {
    try {
      return await connected(net.connect(options.port[i] ?? options.port[0] ?? 5432, host));
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

async function connected(socket: net.Socket): Promise<net.Socket> {
  socket.setNoDelay(true);
  try {
    await once(socket, "connect");
  } catch (error) {
    socket.destroy();
    throw error;
  }
  return socket;
}
