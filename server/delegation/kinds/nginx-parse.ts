import type { ValidationIssue } from "../kind";
import { error } from "./issue";

/** One directive as nginx reads it: its name and arguments (quotes removed), and its block if it has one. */
export type NginxDirective = { name: string; args: string[]; line: number; block: NginxDirective[] | null };

export type NginxParse = { directives: NginxDirective[]; issues: ValidationIssue[] };

type Token = { text: string; line: number; quoted: boolean } | { punct: ";" | "{" | "}"; line: number };

/**
 * Splits text the way nginx's own reader does (ngx_conf_read_token): `#` starts a comment only at
 * the start of a token, quotes only at the start of a token, and `{` does not end a token inside
 * `${variable}`. Policy must see exactly the directives nginx will see, or a clever snippet could
 * hide one from the policy and still have nginx obey it.
 */
function tokenize(text: string, issues: ValidationIssue[]): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\n") {
      line++;
      i++;
    } else if (ch === " " || ch === "\t" || ch === "\r") {
      i++;
    } else if (ch === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === ";" || ch === "{" || ch === "}") {
      tokens.push({ punct: ch, line });
      i++;
    } else {
      const quote = ch === '"' || ch === "'" ? ch : null;
      const startLine = line;
      let raw = "";
      if (quote) i++;
      let closed = quote === null;
      while (i < text.length) {
        const c = text[i]!;
        if (c === "\\" && i + 1 < text.length) {
          raw += c + text[i + 1];
          if (text[i + 1] === "\n") line++;
          i += 2;
          continue;
        }
        if (quote) {
          if (c === quote) {
            closed = true;
            i++;
            break;
          }
        } else if (/[ \t\r\n;]/.test(c) || (c === "{" && !raw.endsWith("$"))) {
          break;
        }
        if (c === "\n") line++;
        raw += c;
        i++;
      }
      if (!closed) {
        issues.push(error(startLine, `The quote opened on line ${startLine} is never closed.`));
        return tokens;
      }
      const next = text[i];
      if (quote && next !== undefined && !/[\s;{)]/.test(next)) issues.push(error(line, `Put a space or ";" after the closing quote (found "${next}").`));
      tokens.push({ text: unescape(raw), line: startLine, quoted: quote !== null });
    }
  }
  return tokens;
}

/** nginx turns only these escapes into characters; any other backslash stays as written. */
const unescape = (raw: string) => raw.replace(/\\(["'\\tnr])/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r" })[c] ?? c);

/**
 * Reads a snippet into directives, reporting what nginx would refuse to even read: unbalanced
 * braces, a directive without its `;`, an unclosed quote. Each issue carries its line.
 */
export function parseNginx(text: string): NginxParse {
  const issues: ValidationIssue[] = [];
  const tokens = tokenize(text, issues);
  const root: NginxDirective[] = [];
  const stack: { block: NginxDirective[]; opener: NginxDirective | null }[] = [{ block: root, opener: null }];
  let words: Extract<Token, { text: string }>[] = [];

  for (const token of tokens) {
    if ("text" in token) {
      words.push(token);
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (token.punct === ";") {
      if (words.length === 0) issues.push(error(token.line, 'There is a ";" with no directive before it.'));
      else top.block.push({ name: words[0]!.text, args: words.slice(1).map((w) => w.text), line: words[0]!.line, block: null });
      words = [];
    } else if (token.punct === "{") {
      if (words.length === 0) {
        issues.push(error(token.line, 'A "{" needs a directive before it, e.g. "location /path/ {".'));
        const orphan: NginxDirective = { name: "", args: [], line: token.line, block: [] };
        stack.push({ block: orphan.block!, opener: orphan });
      } else {
        const directive: NginxDirective = { name: words[0]!.text, args: words.slice(1).map((w) => w.text), line: words[0]!.line, block: [] };
        top.block.push(directive);
        stack.push({ block: directive.block!, opener: directive });
      }
      words = [];
    } else {
      if (words.length > 0) {
        issues.push(error(words[0]!.line, `"${words[0]!.text}" needs a ";" at its end.`));
        top.block.push({ name: words[0]!.text, args: words.slice(1).map((w) => w.text), line: words[0]!.line, block: null });
        words = [];
      }
      if (stack.length === 1) issues.push(error(token.line, 'This "}" closes a block that was never opened.'));
      else stack.pop();
    }
  }
  if (words.length > 0) {
    issues.push(error(words[0]!.line, `"${words[0]!.text}" needs a ";" at its end.`));
    stack[stack.length - 1]!.block.push({ name: words[0]!.text, args: words.slice(1).map((w) => w.text), line: words[0]!.line, block: null });
  }
  for (const open of stack.slice(1).reverse()) {
    const opener = open.opener!;
    issues.push(error(opener.line, `The "${opener.name || "{"}" block opened on line ${opener.line} is never closed with "}".`));
  }
  return { directives: root, issues };
}

/** Every directive with its enclosing block names, outermost first, depth first in text order. */
export function* walkNginx(directives: NginxDirective[], parents: string[] = []): Generator<{ directive: NginxDirective; parents: string[] }> {
  for (const directive of directives) {
    yield { directive, parents };
    if (directive.block) yield* walkNginx(directive.block, [...parents, directive.name]);
  }
}
