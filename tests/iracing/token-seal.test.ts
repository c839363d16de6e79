import { describe, expect, it } from "vitest";
import { openToken, sealToken, tokenSealKey } from "@/lib/iracing/token-seal";

const credentials = { clientSecret: "client-secret", password: "hunter2" };
const token = "eyJhbGciOiJIUzI1NiJ9.access-token.signature";

describe("iRacing tokens sealed at rest", () => {
  it("opens what it sealed, and seals the same token differently each time", () => {
    const key = tokenSealKey(credentials);
    const [first, second] = [sealToken(key, token), sealToken(key, token)];
    expect(first).not.toBe(second);
    expect(first).not.toContain("access-token");
    expect(openToken(key, first)).toBe(token);
    expect(openToken(tokenSealKey({ ...credentials }), second)).toBe(token);
  });

  it("opens nothing under another key, when tampered with, or from a token stored in clear", () => {
    const sealed = sealToken(tokenSealKey(credentials), token);
    expect(openToken(tokenSealKey({ ...credentials, password: "hunter3" }), sealed)).toBeNull();
    expect(openToken(tokenSealKey({ ...credentials, clientSecret: "other" }), sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(openToken(tokenSealKey(credentials), [version, iv, tag, flipped.toString("base64url")].join("."))).toBeNull();
    expect(openToken(tokenSealKey(credentials), token)).toBeNull();
    expect(openToken(tokenSealKey(credentials), "")).toBeNull();
  });
});
