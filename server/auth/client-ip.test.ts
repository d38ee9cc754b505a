import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("client address for throttling", () => {
  it("takes the last X-Forwarded-For hop, which the nearest proxy appended", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.5" }))).toBe("10.0.0.5");
    expect(clientIp({ "x-forwarded-for": "127.0.0.1" })).toBe("127.0.0.1");
    expect(clientIp({})).toBe("unknown");
  });
});
