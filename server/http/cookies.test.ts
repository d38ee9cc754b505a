import { describe, expect, it } from "vitest";
import { parseCookieHeader } from "./cookies";

describe("parseCookieHeader", () => {
  it("reads name=value pairs, trimming the separators", () => {
    const cookies = parseCookieHeader("a=1; next-auth.session-token=eyJ.x.y ;b=two");
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("next-auth.session-token")).toBe("eyJ.x.y");
    expect(cookies.get("b")).toBe("two");
  });

  it("decodes percent-encoding, keeps malformed encoding as sent, and unquotes", () => {
    const cookies = parseCookieHeader('x=a%20b; y=100%; z="quoted"');
    expect(cookies.get("x")).toBe("a b");
    expect(cookies.get("y")).toBe("100%");
    expect(cookies.get("z")).toBe("quoted");
  });

  it("keeps the first of a repeated name and ignores pairs without a name", () => {
    const cookies = parseCookieHeader("=nameless; s=first; s=second; lonely");
    expect(cookies.get("s")).toBe("first");
    expect(cookies.size).toBe(1);
  });

  it("answers an empty map without a header", () => {
    expect(parseCookieHeader(undefined).size).toBe(0);
  });
});
