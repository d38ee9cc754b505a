import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("message bodies in Markdown", () => {
  it("renders the usual formatting", () => {
    expect(renderMarkdown("**disk** full on `st01`\n\n- one\n- two")).toBe("<p><strong>disk</strong> full on <code>st01</code></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  });

  it("shows raw HTML as text and refuses script URLs", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).not.toMatch(/<script|<img|href="javascript:|href="data:/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("opens links safely and drops remote images to their alt text", () => {
    expect(renderMarkdown("see https://status.hostdesk.test")).toContain('<a href="https://status.hostdesk.test" rel="noopener noreferrer nofollow" target="_blank">');
    expect(renderMarkdown("![tracker](https://evil.test/pixel.gif)")).not.toContain("<img");
  });
});
