import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { maskSecret, passwordGrantForm, refreshGrantForm } from "@/lib/iracing/credentials";
import { parseTokenResponse } from "@/lib/iracing/token";
import { IRACING_DEMO_CREDENTIALS, iracingUpstream } from "@/sim/iracing";
import { startSimulator, type Simulator } from "@/sim/server";
import { FORM, iracingClient } from "./simulator-support";

describe("iRacing simulator: OAuth2 token endpoint", () => {
  let sim: Simulator;
  let client: ReturnType<typeof iracingClient>;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, upstreams: [iracingUpstream({ series: 24, accessTokenSeconds: 600, refreshTokenSeconds: 3600 })] });
    client = iracingClient(sim.url);
  });
  beforeEach(() => sim.reset(3));
  afterAll(async () => {
    await sim?.close();
  });

  it("grants password_limited with the masked secrets", async () => {
    const response = await client.postToken(passwordGrantForm(IRACING_DEMO_CREDENTIALS));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 600, refresh_token_expires_in: 3600, scope: "iracing.auth" });
    const pair = parseTokenResponse(body, new Date());
    expect((await client.call("series/get", pair.accessToken)).status).toBe(200);
  });

  it("refuses wrong or unmasked secrets and unknown grants", async () => {
    const form = (changes: Record<string, string>) => {
      const base = passwordGrantForm(IRACING_DEMO_CREDENTIALS);
      for (const [name, value] of Object.entries(changes)) base.set(name, value);
      return base;
    };
    const unmasked = await client.postToken(form({ client_secret: IRACING_DEMO_CREDENTIALS.clientSecret }));
    expect(unmasked.status).toBe(401);
    expect(await unmasked.json()).toMatchObject({ error: "invalid_client" });
    const badPassword = await client.postToken(form({ password: maskSecret("wrong", IRACING_DEMO_CREDENTIALS.username) }));
    expect(badPassword.status).toBe(400);
    expect(await badPassword.json()).toMatchObject({ error: "invalid_grant" });
    expect(await (await client.postToken(form({ grant_type: "password" }))).json()).toMatchObject({ error: "unsupported_grant_type" });
    const json = await fetch(`${sim.url}/iracing/oauth2/token`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(400);
    // The username is matched without regard to case or surrounding spaces, as the masking does.
    const shouted = { ...IRACING_DEMO_CREDENTIALS, username: ` ${IRACING_DEMO_CREDENTIALS.username.toUpperCase()} ` };
    expect((await client.postToken(passwordGrantForm(shouted))).status).toBe(200);
  });

  it("takes each refresh token once", async () => {
    const first = await client.login();
    const refresh = (token: string) => client.postToken(refreshGrantForm(IRACING_DEMO_CREDENTIALS, token));
    const renewed = await refresh(first.refreshToken!);
    expect(renewed.status).toBe(200);
    const second = parseTokenResponse(await renewed.json(), new Date());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    const reused = await refresh(first.refreshToken!);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant", error_description: "refresh token already used" });
    expect((await refresh(second.refreshToken!)).status).toBe(200);
    expect((await refresh("rt.unknown")).status).toBe(400);
  });

  it("expires access tokens and refresh tokens", async () => {
    const pair = await client.login();
    await client.control("advance", { seconds: 599 });
    expect((await client.call("series/get", pair.accessToken)).status).toBe(200);
    await client.control("advance", { seconds: 2 });
    expect((await client.call("series/get", pair.accessToken)).status).toBe(401);
    await client.control("advance", { seconds: 3000 });
    const late = await client.postToken(refreshGrantForm(IRACING_DEMO_CREDENTIALS, pair.refreshToken!));
    expect(await late.json()).toMatchObject({ error: "invalid_grant", error_description: "refresh token expired" });
  });

  it("keeps the credentials' form body as the real endpoint expects it", async () => {
    const response = await fetch(`${sim.url}/iracing/oauth2/token`, { method: "GET" });
    expect(response.status).toBe(405);
    const raw = await fetch(`${sim.url}/iracing/oauth2/token`, { method: "POST", headers: FORM, body: "grant_type=password_limited" });
    expect(raw.status).toBe(401);
  });
});
