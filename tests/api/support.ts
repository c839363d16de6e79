import { randomInt } from "node:crypto";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { PEER_HEADER } from "@/lib/client-address";
import type { OpenApiDocument, ResponseObject } from "@/lib/api/openapi-types";

export const ORIGIN = "http://pitwall.test";

/** A client address of its own, so that one test's requests never count against another's rate limit. */
export function newClient(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A request as Pitwall's server hands it to a route: the socket's address in the peer header (lib/client-address.ts). */
export function apiRequest(path: string, init: RequestInit = {}, client: string = newClient()): Request {
  const headers = new Headers(init.headers);
  headers.set(PEER_HEADER, client);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

/** Route context as Next.js passes it. */
export const routeParams = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

const pointer = (...parts: string[]) => parts.map((p) => `/${p.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/**
 * Checks a real response body against the schema the OpenAPI document gives for that operation and status,
 * with ajv's JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1).
 */
export class DocumentChecker {
  readonly document: OpenApiDocument = openApiDocument({ serverUrl: ORIGIN });
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });

  constructor() {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.document, $id: "pitwall:openapi" });
  }

  errors(method: string, path: string, status: number, body: unknown): ErrorObject[] {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${path} is not in the document`);
    let at = pointer("paths", path, method.toLowerCase(), "responses", String(status));
    const response = operation.responses[String(status)];
    if (!response) throw new Error(`${method} ${path} documents no ${status} response`);
    if ("$ref" in response) at = response.$ref.slice(1);
    const resolved = "$ref" in response ? this.document.components.responses[response.$ref.split("/").pop()!] : (response as ResponseObject);
    if (!resolved?.content) throw new Error(`${method} ${path} ${status} has no JSON body`);
    const ref = `pitwall:openapi#${at}${pointer("content", "application/json", "schema")}`;
    const validate = this.ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    return validate(body) ? [] : (validate.errors ?? []);
  }

  /** Asserts that `response` (status and JSON body) is what the document promises. */
  async expectDocumented(method: string, path: string, response: Response): Promise<unknown> {
    const body: unknown = await response.json();
    expect(this.errors(method, path, response.status, body), JSON.stringify(body).slice(0, 500)).toEqual([]);
    return body;
  }
}
