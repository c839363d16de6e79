import { describe, expect, it } from "vitest";
import { filterRows, OpenF1QueryError, parseQuery, queryString, type Row } from "@/lib/f1/openf1/query";
import { dateWindow, parseFilters, QueryError, select as serverSelect } from "@/sim/f1/openf1/query";

const row = (driver_number: number, date: string, extra: Row = {}): Row => ({ session_key: 9839, meeting_key: 1276, driver_number, date, ...extra });

const ROWS: Row[] = [
  row(1, "2025-12-07T13:03:31.361000+00:00", { gap_to_leader: 0, position: 1, compound: "MEDIUM" }),
  row(4, "2025-12-07T13:03:31.595000+00:00", { gap_to_leader: 0.22, position: 2, compound: "MEDIUM" }),
  row(81, "2025-12-07T13:03:32.095000+00:00", { gap_to_leader: 0.481, position: 3, compound: "HARD" }),
  row(16, "2025-12-07T14:04:49.561000+00:00", { gap_to_leader: "+1 LAP", position: 4, compound: "SOFT" }),
  row(63, "2025-12-08T09:00:00+00:00", { gap_to_leader: null, position: 5, is_pit_out_lap: true, segments: [2048, 2064] }),
];

/**
 * The cars a query string selects, read from a URL as a server reads it. The app's engine (the client's view) and the
 * simulator's (the server's, written apart) must agree on every query.
 */
function select(query: string, latest = { sessionKey: 9839, meetingKey: 1276 }): unknown[] {
  const params = new URL(`https://api.openf1.org/v1/intervals?${query}`).searchParams;
  const client = filterRows(ROWS, parseQuery(params, () => latest)).map((r) => r.driver_number);
  const server = serverSelect(ROWS, parseFilters(params, () => latest)).map((r) => r.driver_number);
  expect(server, `the simulator on ${query}`).toEqual(client);
  return client;
}

describe("OpenF1 filters", () => {
  it("compares numbers as numbers, text as text, and never a number with text", () => {
    expect(select("driver_number=4")).toEqual([4]);
    expect(select("position>=3")).toEqual([81, 16, 63]);
    expect(select("position<3")).toEqual([1, 4]);
    expect(select("gap_to_leader>0.3")).toEqual([81]);
    expect(select("gap_to_leader<=0.22")).toEqual([1, 4]);
    expect(select("compound=HARD")).toEqual([81]);
    expect(select("compound>MEDIUM")).toEqual([16]);
    expect(select("position=HARD")).toEqual([]);
    expect(select("is_pit_out_lap=true")).toEqual([63]);
    expect(select("is_pit_out_lap=False")).toEqual([]);
    expect(select("segments=2064")).toEqual([63]);
  });

  it("accepts operators literally or percent-encoded", () => {
    expect(select("position%3E%3D4")).toEqual([16, 63]);
    expect(select("position%3C2")).toEqual([1]);
  });

  it("compares ISO dates as instants, whatever their precision or zone", () => {
    expect(select("date>2025-12-07T13:03:31.5")).toEqual([4, 81, 16, 63]);
    expect(select("date>=2025-12-07T13:03:31.361Z")).toEqual([1, 4, 81, 16, 63]);
    expect(select("date<2025-12-07T17:03:32+04:00")).toEqual([1, 4]);
    // An unencoded "+" arrives as a space; the server puts it back.
    expect(select("date<2025-12-07T17:03:32+04:00".replace("+", "%2B"))).toEqual([1, 4]);
    expect(select("date<2025-12-07T17:03:32 04:00")).toEqual([1, 4]);
  });

  it("reads a date without a time as its whole day", () => {
    expect(select("date=2025-12-07")).toEqual([1, 4, 81, 16]);
    expect(select("date>2025-12-07")).toEqual([63]);
    expect(select("date<=2025-12-07")).toEqual([1, 4, 81, 16]);
    expect(select("date<2025-12-08")).toEqual([1, 4, 81, 16]);
    expect(select("date>=2025-12-08")).toEqual([63]);
  });

  it("makes a window of a lower and an upper bound on one field, ANDed", () => {
    expect(select("date>2025-12-07T13:03:31.4&date<2025-12-07T13:03:32")).toEqual([4]);
    expect(select("position>=2&position<=4&driver_number<50")).toEqual([4, 16]);
  });

  it("ORs repeated equalities and separate windows on one field, as the server does", () => {
    expect(select("driver_number=4&driver_number=81")).toEqual([4, 81]);
    expect(select("position<=1&position>=5")).toEqual([1, 63]);
    expect(select("position>=1&position<=1&position>=4&position<=4")).toEqual([1, 16]);
    expect(select("driver_number=4&driver_number=81&position=2")).toEqual([4]);
  });

  it("resolves session_key=latest and meeting_key=latest", () => {
    expect(select("session_key=latest")).toHaveLength(5);
    expect(select("meeting_key=latest&driver_number=1")).toEqual([1]);
    expect(select("session_key=latest", { sessionKey: 9158, meetingKey: 1219 })).toEqual([]);
  });

  it("leaves a field the rows do not have matching nothing", () => {
    expect(select("lap_number>1")).toEqual([]);
  });

  it("refuses a parameter without an operator, as the server does", () => {
    expect(() => parseQuery(new URLSearchParams("session_key"))).toThrow(OpenF1QueryError);
    expect(() => parseFilters(new URLSearchParams("session_key"), () => null)).toThrow(QueryError);
  });

  it("never casts team colours or GMT offsets", () => {
    const drivers = [{ team_colour: "229971" }, { team_colour: "4781D7" }];
    expect(filterRows(drivers, parseQuery(new URLSearchParams("team_colour=229971")))).toEqual([{ team_colour: "229971" }]);
    expect(serverSelect(drivers, parseFilters(new URLSearchParams("team_colour=229971"), () => null))).toEqual([{ team_colour: "229971" }]);
  });
});

describe("the simulator's date windows", () => {
  const span = (query: string) => dateWindow(parseFilters(new URLSearchParams(query), () => null), "date");

  it("cover every row a query can select, so that sampled rows are made for them only", () => {
    expect(span("session_key=1")).toEqual({ from: -Infinity, to: Infinity });
    expect(span("date>=2025-12-07T13:00:00Z&date<2025-12-07T13:05:00Z")).toEqual({ from: Date.parse("2025-12-07T13:00:00Z"), to: Date.parse("2025-12-07T13:05:00Z") });
    expect(span("date>2025-12-07T13:00:00Z")).toEqual({ from: Date.parse("2025-12-07T13:00:00Z"), to: Infinity });
    expect(span("date=2025-12-07")).toEqual({ from: Date.parse("2025-12-07T00:00:00Z"), to: Date.parse("2025-12-08T00:00:00Z") });
    expect(span("date<2025-12-07T13:00:00Z&date>2025-12-08T00:00:00Z")).toEqual({ from: -Infinity, to: Infinity });
    expect(span("date=2025-12-07T13:00:00Z&date=2025-12-07T14:00:00Z")).toEqual({ from: Date.parse("2025-12-07T13:00:00Z"), to: Date.parse("2025-12-07T14:00:00Z") });
  });
});

describe("query strings", () => {
  it("writes filters the way the API documents them, and reads back the same selection", () => {
    const text = queryString([
      ["session_key", "=", 9839],
      ["date", ">", new Date("2025-12-07T13:03:31.400Z")],
      ["date", "<=", new Date("2025-12-07T13:03:32.095Z")],
      ["compound", "=", "MEDIUM"],
    ]);
    expect(text).toBe("session_key=9839&date>2025-12-07T13%3A03%3A31.400Z&date<=2025-12-07T13%3A03%3A32.095Z&compound=MEDIUM");
    expect(select(text)).toEqual([4]);
  });
});
