import { afterEach, describe, expect, it } from "vitest";
import { jobRunnerMode, resetEnvCache } from "@/lib/env";

const names = ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"] as const;

describe("jobRunnerMode", () => {
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  afterEach(() => {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n];
      else process.env[n] = saved[n];
    }
    resetEnvCache();
  });
  const set = (values: Partial<Record<(typeof names)[number], string>>) => {
    for (const n of names) delete process.env[n];
    Object.assign(process.env, values);
    resetEnvCache();
  };

  it("uses the local executor unless an Inngest server is configured", () => {
    set({});
    expect(jobRunnerMode()).toBe("local");
    set({ INNGEST_SIGNING_KEY: "signkey-prod-0a" });
    expect(jobRunnerMode()).toBe("local");
    set({ INNGEST_DEV: "0" });
    expect(jobRunnerMode()).toBe("local");
  });

  it("recognises the dev server, a self-hosted server and Inngest Cloud", () => {
    set({ INNGEST_DEV: "1" });
    expect(jobRunnerMode()).toBe("inngest-dev");
    set({ INNGEST_DEV: "http://localhost:8288" });
    expect(jobRunnerMode()).toBe("inngest-dev");
    set({ INNGEST_BASE_URL: "http://inngest:8288", INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-0a" });
    expect(jobRunnerMode()).toBe("inngest-self-hosted");
    set({ INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "signkey-prod-0a" });
    expect(jobRunnerMode()).toBe("inngest-cloud");
  });
});
