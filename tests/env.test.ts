import { afterEach, describe, expect, it } from "vitest";
import { env, EnvError, resetEnvCache } from "@/lib/env";

describe("env", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("lists every invalid variable in one message", () => {
    process.env.DATABASE_URL = "mysql://nope";
    process.env.PITWALL_PG_PORT = "5432";
    process.env.LOG_LEVEL = "loud";
    resetEnvCache();
    let message = "";
    try {
      env();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL: invalid");
    expect(message).toContain("PITWALL_PG_PORT: invalid");
    expect(message).toContain("LOG_LEVEL: invalid");
  });

  it("applies defaults", () => {
    delete process.env.PITWALL_PG_PORT;
    delete process.env.LOG_LEVEL;
    resetEnvCache();
    expect(env().PITWALL_PG_PORT).toBe(54329);
    expect(env().PORT).toBeTypeOf("number");
  });
});
