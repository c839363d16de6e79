import { describe, expect, it } from "vitest";
import { formatBytes, formatPercent } from "@/lib/admin/format";

describe("admin number formats", () => {
  it("formats byte counts in decimal units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1536)).toBe("1.5 kB");
    expect(formatBytes(7_100_000)).toBe("7.1 MB");
    expect(formatBytes(250_000_000)).toBe("250 MB");
    expect(formatBytes(3_000_000_000_000_000)).toBe("3000 TB");
  });

  it("formats ratios as percentages, with tiny ones shown as such", () => {
    expect(formatPercent(0)).toBe("0 %");
    expect(formatPercent(1)).toBe("100 %");
    expect(formatPercent(0.0432)).toBe("4.3 %");
    expect(formatPercent(0.0004)).toBe("<0.1 %");
  });
});
