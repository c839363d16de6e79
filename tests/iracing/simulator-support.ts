import { expect } from "vitest";
import { passwordGrantForm } from "@/lib/iracing/credentials";
import { readDataAnswer } from "@/lib/iracing/links";
import { parseTokenResponse, type TokenPair } from "@/lib/iracing/token";
import { IRACING_DEMO_CREDENTIALS } from "@/sim/iracing";

export const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** A client of the simulated iRacing at `base` (the simulator's URL): the token grant and the two-hop data calls. */
export function iracingClient(base: string) {
  const root = `${base}/iracing`;

  async function postToken(form: URLSearchParams): Promise<Response> {
    return fetch(`${root}/oauth2/token`, { method: "POST", headers: FORM, body: form.toString() });
  }

  async function login(): Promise<TokenPair> {
    const response = await postToken(passwordGrantForm(IRACING_DEMO_CREDENTIALS));
    expect(response.status).toBe(200);
    return parseTokenResponse(await response.json(), new Date());
  }

  /** The first hop: the data API's own answer. */
  async function call(endpoint: string, token: string | null, query: Record<string, string | number | boolean> = {}): Promise<Response> {
    const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
    return fetch(`${root}/data/${endpoint}?${search}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  }

  /** Both hops: the data behind the signed link (fetched without the Authorization header), or the data itself. */
  async function data(endpoint: string, token: string, query: Record<string, string | number | boolean> = {}): Promise<unknown> {
    const response = await call(endpoint, token, query);
    expect(response.status, `${endpoint}: ${response.status}`).toBe(200);
    const answer = readDataAnswer(await response.json());
    if (answer.kind === "data") return answer.data;
    const linked = await fetch(answer.link);
    expect(linked.status).toBe(200);
    return JSON.parse(await linked.text()) as unknown;
  }

  async function control(action: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${base}/_control/iracing/${action}`, { method: "POST", body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  return { postToken, login, call, data, control };
}
