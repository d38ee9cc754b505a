import { describe, expect, it } from "vitest";
import { areaOfPath, areasFor, canUseArea, landingPath } from "./roles";

describe("roles and areas", () => {
  it("lands each role in its own area", () => {
    expect(landingPath(["owner"])).toBe("/portal");
    expect(landingPath(["member"])).toBe("/portal");
    expect(landingPath(["agent"])).toBe("/desk");
    expect(landingPath(["engineer"])).toBe("/desk");
    expect(landingPath(["account_manager"])).toBe("/accounts");
    expect(landingPath(["admin"])).toBe("/desk");
    expect(landingPath([])).toBe("/login?error=NoRole");
  });

  it("lets admins go anywhere and keeps everyone else to their areas", () => {
    expect(areasFor(["admin"])).toEqual(["portal", "desk", "accounts", "admin"]);
    expect(areasFor(["owner"])).toEqual(["portal"]);
    expect(areasFor(["agent"])).toEqual(["desk"]);
    expect(areasFor(["account_manager"])).toEqual(["accounts"]);
    expect(canUseArea(["member"], "desk")).toBe(false);
    expect(canUseArea(["engineer"], "admin")).toBe(false);
  });

  it("maps paths to areas without matching look-alike prefixes", () => {
    expect(areaOfPath("/desk")).toBe("desk");
    expect(areaOfPath("/desk/tickets/1")).toBe("desk");
    expect(areaOfPath("/desktop")).toBeNull();
    expect(areaOfPath("/login")).toBeNull();
  });
});
