import { sql } from "@/lib/db";

// The first key of the two-key advisory lock: the live-timing socket, one per session.
const LIVE_SOCKET_LOCK = 0x4c54_0001;

export interface HeldConnectionLock {
  release(): Promise<void>;
}

/**
 * Exactly one live-timing connection per session across instances: the instance that gets this session-level
 * advisory lock connects, the others leave it be. The lock lives on a reserved connection, so an instance that dies
 * drops it with its connection and another can take over. Null when another instance holds it.
 */
export async function holdConnectionLock(sessionKey: number): Promise<HeldConnectionLock | null> {
  const reserved = await sql().reserve();
  try {
    const [row] = await reserved<{ held: boolean }[]>`select pg_try_advisory_lock(${LIVE_SOCKET_LOCK}, ${sessionKey}) as held`;
    if (!row?.held) {
      reserved.release();
      return null;
    }
  } catch (error) {
    reserved.release();
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        await reserved`select pg_advisory_unlock(${LIVE_SOCKET_LOCK}, ${sessionKey})`;
      } finally {
        reserved.release();
      }
    },
  };
}
