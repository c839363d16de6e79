import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, markPeer, PEER_HEADER } from "@/lib/client-address";

const headersOf = (values: Record<string, string>) => new Headers(values);

describe("client address", () => {
  it("is the socket's address with no trusted proxy, whatever the forwarding headers say", () => {
    const peer = { [PEER_HEADER]: "203.0.113.9" };
    expect(clientAddress(headersOf(peer), 0)).toBe("203.0.113.9");
    expect(clientAddress(headersOf({ ...peer, "x-forwarded-for": "198.51.100.1" }), 0)).toBe("203.0.113.9");
    expect(clientAddress(headersOf({ ...peer, "x-forwarded-for": "198.51.100.2, 198.51.100.3", "x-real-ip": "198.51.100.4" }), 0)).toBe("203.0.113.9");
  });

  it("with one trusted proxy, is the address that proxy appended, not what the client sent before it", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy (10.0.0.2) appended the client's real address.
    const through = headersOf({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.20" });
    expect(clientAddress(through, 1)).toBe("198.51.100.20");
    expect(clientAddress(headersOf({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.21" }), 1)).toBe("198.51.100.21");
    // Two proxies: the outer one's view.
    expect(clientAddress(headersOf({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 198.51.100.22, 10.0.0.2" }), 2)).toBe("198.51.100.22");
  });

  describe("as Pitwall's server marks it", () => {
    let server: Server;
    let url = "";
    beforeAll(async () => {
      server = createServer((req, res) => {
        markPeer(req);
        res.end(req.headers[PEER_HEADER]);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("overwrites a peer header the client sent with the socket's address", async () => {
      const answer = await fetch(url, { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
      expect(await answer.text()).toBe("127.0.0.1");
    });
  });
});
