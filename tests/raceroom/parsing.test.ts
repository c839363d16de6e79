import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseCatalogue, shippedCatalogue } from "@/lib/raceroom/catalogue";
import { parseEntryDate } from "@/lib/raceroom/dates";
import { parseLapTime } from "@/lib/raceroom/laptime";
import { ListingErrorPayload, parseListingPage } from "@/lib/raceroom/listing";

const fixture = async (name: string) => JSON.parse(await readFile(new URL(`../fixtures/raceroom/${name}`, import.meta.url), "utf8"));

describe("lap times", () => {
  it.each([
    ["1m 23.414s", 83_414],
    ["1h 2m 05.190s", 3_725_190],
    ["00.136s", 136],
    ["59.1s", 59_100],
    ["1m 02s", 62_000],
    ["2m 00.5s", 120_500],
    ["1m 47.010s, 2 laps", 107_010],
    [" 1m 23.414s ", 83_414],
  ])("%s is %d ms", (text, ms) => {
    expect(parseLapTime(text)).toBe(ms);
  });

  it.each(["1:23.456", "", "s", "abc", "0.000s", "1m 23.414", "-1m 2s"])("%j is not a lap time", (text) => {
    expect(parseLapTime(text)).toBeNull();
  });
});

describe("entry dates", () => {
  it("reads ISO without a zone as UTC", () => {
    expect(parseEntryDate("2025-01-15T14:30:00")?.toISOString()).toBe("2025-01-15T14:30:00.000Z");
  });
  it("honours an explicit zone", () => {
    expect(parseEntryDate("2025-01-15T14:30:00Z")?.toISOString()).toBe("2025-01-15T14:30:00.000Z");
    expect(parseEntryDate("2025-01-15T14:30:00+02:00")?.toISOString()).toBe("2025-01-15T12:30:00.000Z");
  });
  it("reads MM/dd/yyyy HH:mm:ss", () => {
    expect(parseEntryDate("01/16/2025 09:05:07")?.toISOString()).toBe("2025-01-16T09:05:07.000Z");
    expect(parseEntryDate("12/01/2024 23:00:00")?.toISOString()).toBe("2024-12-01T23:00:00.000Z");
  });
  it.each(["2025-02-30T10:00:00", "13/01/2025 10:00:00", "yesterday", "2025-01-15T25:00:00"])("refuses %s", (text) => {
    expect(parseEntryDate(text)).toBeNull();
  });
});

describe("listing page", () => {
  it("keeps valid entries and rejects malformed ones with a reason", async () => {
    const page = parseListingPage(await fixture("listing-page.json"));
    expect(page.size).toBe(6);
    expect(page.entries.map((e) => e.driverId)).toEqual([1000001, 1000002, 1000003]);
    expect(page.rejected.map((r) => r.index)).toEqual([3, 4, 5]);
    expect(page.rejected[0]!.reason).toMatch(/driver\.path/);
    expect(page.rejected[1]!.reason).toMatch(/not a lap time: "1:48.500"/);
    expect(page.rejected[2]!.reason).toMatch(/not a date/);

    const [first, second, third] = page.entries;
    expect(first).toEqual({
      driverId: 1000001,
      driverName: "Élodie Brünnhilde",
      countryCode: "fr",
      countryName: "France",
      carName: "Audi R8 LMS",
      lapTimeMs: 106_802,
      team: "Phoenix Racing",
      rank: "A",
      difficulty: "Get Real",
      achievedAt: new Date("2025-01-15T14:30:00Z"),
    });
    // Names are kept verbatim (they are rendered as text); empty strings become null.
    expect(second!.driverName).toBe("<script>alert('lap')</script> & \"Bob\"");
    expect(second!.lapTimeMs).toBe(107_010);
    expect(second!.rank).toBeNull();
    expect(second!.difficulty).toBe("Amateur");
    expect(second!.achievedAt).toEqual(new Date("2025-01-16T09:05:07Z"));
    expect(third!.driverName).toBe("李小龙 🏎️");
    expect(third!.countryCode).toBeNull();
    expect(third!.lapTimeMs).toBe(3_725_190);
    expect(third!.difficulty).toBe("Novice");
  });

  it("recognises an error payload", async () => {
    const body = await fixture("error-payload.json");
    expect(() => parseListingPage(body)).toThrow(ListingErrorPayload);
    expect(() => parseListingPage(body)).toThrow(/Invalid track or class/);
  });

  it("refuses a body of another shape with a clear message", () => {
    expect(() => parseListingPage({ context: { c: {} } })).toThrow(/context\.c\.results/);
    expect(() => parseListingPage("<html>")).toThrow(/unexpected shape/);
  });

  it("rejects the colon lap format some third-party fixtures use", () => {
    const page = parseListingPage({
      context: { c: { results: [{ index: 0, driver: { name: "A", path: "/users/info/1/" }, laptime: "1:23.456", car_class: { car: { name: "Car" } } }] } },
    });
    expect(page.entries).toHaveLength(0);
    expect(page.rejected).toHaveLength(1);
  });
});

describe("catalogue", () => {
  it("reads the shipped r3e-data.json", async () => {
    const catalogue = await shippedCatalogue();
    expect(catalogue.layouts).toHaveLength(186);
    expect(catalogue.classes).toHaveLength(104);
    expect(catalogue.tracks).toHaveLength(76);
    expect(catalogue.cars.length).toBeGreaterThan(300);
    // The leaderboard's `track` is the layout id: Monza GP is layout 1671 of track 1670.
    expect(catalogue.layouts.find((l) => l.id === 1671)).toMatchObject({ trackId: 1670, name: "Grand Prix" });
  });

  it("refuses a file of another shape", () => {
    expect(() => parseCatalogue({ tracks: {} })).toThrow(/unexpected shape/);
  });
});
