import { describe, expect, it } from "vitest";
import { compileCondition, compileKey, UnsupportedExpressionError } from "@/inngest/inline/expressions";

describe("expressions the local executor understands", () => {
  it("reads concurrency keys from event paths", () => {
    const team = compileKey("event.data.team");
    expect(team({ data: { team: "red" } })).toBe("red");
    expect(team({ data: {} })).toBe("");
    expect(compileKey("event.data.car.number")({ data: { car: { number: 44 } } })).toBe("44");
  });

  it("compares the cancelOn match and onFailure forms", () => {
    const sameRun = compileCondition("event.data.syncRunId == async.data.syncRunId");
    expect(sameRun({ event: { data: { syncRunId: "a" } }, async: { data: { syncRunId: "a" } } })).toBe(true);
    expect(sameRun({ event: { data: { syncRunId: "a" } }, async: { data: { syncRunId: "b" } } })).toBe(false);
    // A missing field matches nothing, rather than undefined == undefined.
    expect(sameRun({ event: { data: {} }, async: { data: {} } })).toBe(false);
    const failureOf = compileCondition("event.data.function_id == 'pitwall-raceroom-full-refresh'");
    expect(failureOf({ event: { data: { function_id: "pitwall-raceroom-full-refresh" } } })).toBe(true);
    expect(compileCondition("event.data.laps != 3")({ event: { data: { laps: 4 } } })).toBe(true);
  });

  it("refuses anything else", () => {
    expect(() => compileCondition("event.data.laps > 3")).toThrow(UnsupportedExpressionError);
    expect(() => compileCondition("event.data.a == 1 && event.data.b == 2")).toThrow(UnsupportedExpressionError);
    expect(() => compileKey("event.data.a + event.data.b")).toThrow(UnsupportedExpressionError);
  });
});
