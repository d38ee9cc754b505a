import MarkdownIt from "markdown-it";

/**
 * Ticket bodies are Markdown written by customers and staff. markdown-it with `html: false` never
 * passes raw HTML through (it is shown as text), and its link validator refuses javascript:,
 * vbscript:, file: and data: URLs; links open in a new tab without handing over the opener or
 * vouching for the target. Images are shown as their alt text: a remote image in a ticket would
 * tell its sender who read it, and when.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
markdown.disable(["image"]);

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet("rel", "noopener noreferrer nofollow");
  token.attrSet("target", "_blank");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Safe HTML for a message body. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
