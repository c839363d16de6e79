import { readFile } from "node:fs/promises";

/** A JSON excerpt from tests/fixtures/iracing (see its README for where each comes from). */
export async function fixture(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`../fixtures/iracing/${name}`, import.meta.url), "utf8")) as unknown;
}
