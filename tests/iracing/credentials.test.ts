import { describe, expect, it } from "vitest";
import { maskSecret, passwordGrantForm, refreshGrantForm } from "@/lib/iracing/credentials";

// The vectors of AdrianJSClark/aydsko-iracingdata's password_limited unit test.
const credentials = { clientId: "UnitTestApp", clientSecret: "Secret-Client-Password", username: "test.user@example.com", password: "SuperSecretPassword" };

describe("password_limited masking", () => {
  it("masks as base64(sha256(secret + lower(trim(id))))", () => {
    expect(maskSecret("SuperSecretPassword", "test.user@example.com")).toBe("nXmEFCdpHheD1R3XBVkm6VQavR7ZLbW7SRmzo/MfFso=");
    expect(maskSecret("Secret-Client-Password", "UnitTestApp")).toBe("D2GfmYK/nC8zeQPkpV2uGkk13hL0/LTQH44hiJKawCo=");
    expect(maskSecret("SuperSecretPassword", "  Test.User@Example.COM \n")).toBe("nXmEFCdpHheD1R3XBVkm6VQavR7ZLbW7SRmzo/MfFso=");
  });

  it("keeps the secret's own case and spaces", () => {
    expect(maskSecret("supersecretpassword", "test.user@example.com")).not.toBe(maskSecret("SuperSecretPassword", "test.user@example.com"));
    expect(maskSecret(" SuperSecretPassword", "test.user@example.com")).not.toBe(maskSecret("SuperSecretPassword", "test.user@example.com"));
  });

  it("builds the token request forms", () => {
    expect(Object.fromEntries(passwordGrantForm(credentials))).toEqual({
      grant_type: "password_limited",
      client_id: "UnitTestApp",
      client_secret: "D2GfmYK/nC8zeQPkpV2uGkk13hL0/LTQH44hiJKawCo=",
      username: "test.user@example.com",
      password: "nXmEFCdpHheD1R3XBVkm6VQavR7ZLbW7SRmzo/MfFso=",
      scope: "iracing.auth",
    });
    expect(passwordGrantForm(credentials).toString()).toContain("client_secret=D2GfmYK%2FnC8zeQPkpV2uGkk13hL0%2FLTQH44hiJKawCo%3D");
    expect(Object.fromEntries(refreshGrantForm(credentials, "refresh-1"))).toEqual({
      grant_type: "refresh_token",
      client_id: "UnitTestApp",
      client_secret: "D2GfmYK/nC8zeQPkpV2uGkk13hL0/LTQH44hiJKawCo=",
      refresh_token: "refresh-1",
    });
  });
});
