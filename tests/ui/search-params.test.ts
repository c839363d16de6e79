import { describe, expect, it } from "vitest";
import { z } from "zod";
import { positiveInt, readParam, readSearchParams } from "@/lib/ui/search-params";

describe("readSearchParams", () => {
  const schema = z.object({
    page: positiveInt.default(1),
    track: positiveInt.optional(),
    sort: z.enum(["entries", "track", "class"]).default("entries"),
    q: z.string().max(80).optional(),
  });

  it("reads each parameter, taking the first of repeated values", () => {
    expect(readSearchParams(schema, { page: ["3", "9"], track: "1670", sort: "class", q: "müller" })).toEqual({ page: 3, track: 1670, sort: "class", q: "müller" });
  });

  it("drops a bad value to the field's default or to absent, never failing the page", () => {
    expect(readSearchParams(schema, { page: "-2", track: "12abc", sort: "speed", q: "" })).toEqual({ page: 1, track: undefined, sort: "entries", q: undefined });
    expect(readSearchParams(schema, { page: "0", track: "99999999999999999" })).toEqual({ page: 1, track: undefined, sort: "entries", q: undefined });
  });

  it("reads one parameter the same way", () => {
    expect(readParam(positiveInt.optional(), ["7", "8"])).toBe(7);
    expect(readParam(positiveInt.optional(), "")).toBeUndefined();
  });
});
