import { describe, expect, it } from "vitest";
import { formParams, paramFields } from "@/lib/admin/sync-params";
import { findSyncKind } from "@/lib/jobs/kinds";

describe("the dashboard's parameter form", () => {
  it("offers each kind's parameters as fields: numbers, choices with the default, flags, lists as text", () => {
    const replay = paramFields(findSyncKind("f1.replay")!.params);
    expect(replay.map((field) => [field.name, field.kind, field.required])).toEqual([
      ["sessionKey", "integer", true],
      ["source", "choice", false],
      ["speed", "number", false],
      ["from", "text", false],
    ]);
    expect(replay[1]).toMatchObject({ options: ["auto", "openf1", "livetiming"], defaultValue: "auto" });
    expect(replay[2]).toMatchObject({ min: 1, max: 60, defaultValue: 10 });
    expect(paramFields(findSyncKind("iracing.season")!.params)[0]).toMatchObject({ name: "seasonIds", kind: "text", required: true });
    expect(paramFields(findSyncKind("iracing.nightly")!.params)).toEqual([expect.objectContaining({ name: "refresh", kind: "boolean", defaultValue: false })]);
    // Nested rule objects are for the API and the CLI.
    expect(paramFields(findSyncKind("endurance.schedule-race")!.params).map((field) => field.name)).not.toContain("driveTimeRules");
  });

  it("sends what was filled in, numbers as numbers, and leaves empty fields to the kind's defaults", () => {
    const kind = findSyncKind("f1.replay")!;
    const params = formParams(paramFields(kind.params), { sessionKey: " 90001 ", source: "livetiming", speed: "", from: "" });
    expect(params).toEqual({ sessionKey: 90001, source: "livetiming" });
    expect(kind.params.parse(params)).toEqual({ sessionKey: 90001, source: "livetiming", speed: 10 });
    expect(formParams(paramFields(findSyncKind("iracing.nightly")!.params), { refresh: true })).toEqual({ refresh: true });
  });
});
