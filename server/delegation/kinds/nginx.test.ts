import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SnippetContext } from "../kind";
import { baseNginxConf } from "./nginx-base-conf";
import { dryRunNginx } from "./nginx-dry-run";
import { nginxErrorLine } from "./nginx-error-line";
import { nginxKind, nginxSnippetPath } from "./nginx";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "web", environment: "production" };
const nginxBinary = "/usr/sbin/nginx";
const errorsOf = (text: string) => nginxKind.policy({ text }, context).filter((i) => i.severity === "error");

/** Snippets the policy must refuse: the text, the line of the first error, and what its message says. */
const bad: [string, string, number, RegExp][] = [
  ["load_module", "load_module modules/ngx_http_perl_module.so;", 1, /load_module is not allowed/],
  ["include anywhere", "location / {\n    include /etc/nginx/fastcgi_params;\n}", 2, /include is not allowed/],
  ["root outside the customer's paths", "root /var/www/other;", 1, /root "\/var\/www\/other" is not allowed: it must be under \/srv\/acme\//],
  ["alias climbing out with ..", "location /x/ {\n  alias /srv/acme/../beta/;\n}", 2, /"\.\." is not allowed/],
  ["root with a variable", "root /srv/acme/$arg_site;", 1, /variable in it can point outside/],
  ["root of a prefix-sharing org", "root /srv/acme-evil/site;", 1, /must be under \/srv\/acme\//],
  ["embedded perl", 'location / {\n  perl_set $x "sub { 1 }";\n}', 2, /perl_set runs embedded code/],
  ["embedded njs", "js_import main.js;", 1, /js_import runs embedded code/],
  ["embedded lua", "location / {\n  content_by_lua_block {\n    ngx.say(1)\n  }\n}", 2, /content_by_lua_block runs embedded code/],
  ["certificate outside", "ssl_certificate /etc/ssl/private/provider.pem;", 1, /ssl_certificate .* must be under \/srv\/acme\//],
  ["certificate key as inline data", "ssl_certificate_key data:$secret;", 1, /not inline data/],
  ["user", "user root;", 1, /user configures the nginx process/],
  ["worker_processes", "worker_processes 64;", 1, /worker_processes configures the nginx process/],
  ["error_log elsewhere", "error_log /var/log/nginx/error.log;", 1, /error_log .* must be under \/var\/log\/hostdesk\/acme\//],
  ["access_log to syslog", "access_log syslog:server=10.0.0.1;", 1, /must write to a file under \/var\/log\/hostdesk\/acme\//],
  ["proxy_pass to someone's socket", "location / {\n  proxy_pass http://unix:/run/php/php-fpm.sock:/;\n}", 2, /unix socket "\/run\/php\/php-fpm.sock" is not allowed/],
  ["a server block", "server {\n  listen 80;\n}", 1, /"server" blocks are not allowed/],
  ["an http block", "\nhttp {\n}", 2, /"http" blocks are not allowed/],
  ["events", "events {}", 1, /"events" blocks are not allowed/],
  ["listen", "listen 443 ssl;", 1, /listen is set by the provider/],
  ["an unclosed block", "location / {\n  return 200;\n", 1, /block opened on line 1 is never closed/],
  ["a stray closing brace", "location / {\n}\n}", 3, /closes a block that was never opened/],
  ["a missing semicolon", "location / {\n  return 200\n}", 2, /"return" needs a ";"/],
  ["an unclosed quote", 'add_header X-Test "oops;\n', 1, /quote opened on line 1 is never closed/],
  ["temp path outside", "client_body_temp_path /tmp/anything;", 1, /client_body_temp_path .* must be under \/srv\/acme\//],
  ["upstream", "upstream app {\n  server 127.0.0.1:3000;\n}", 1, /upstream blocks belong to the http level/],
];

/** Snippets the policy accepts; `real` ones are also run through nginx -t (log files need their directory to exist, so not those). */
const good: [string, string, { real: boolean }][] = [
  ["a proxied API", "location /api/ {\n    proxy_pass http://127.0.0.1:3000;\n    proxy_set_header Host $host;\n}\n", { real: true }],
  ["static files from the customer's directory", "root /srv/acme/public;\nlocation /assets/ {\n    alias /srv/acme/assets/;\n    expires 7d;\n}\n", { real: true }],
  ["its own log files", "access_log /var/log/hostdesk/acme/access.log;\nerror_log /var/log/hostdesk/acme/error.log warn;\nlocation = /health { return 200 'ok'; }\n", { real: false }],
  ["php over the customer's own socket", "location ~ \\.php$ {\n    fastcgi_pass unix:/srv/acme/run/php.sock;\n}\n", { real: true }],
  ["headers and a redirect", "# keep old links working\nadd_header X-Frame-Options DENY always;\nlocation /old/ {\n    return 301 /new/;\n}\n", { real: true }],
  ["regex with a quoted brace", 'location ~ "^/v[0-9]{1,2}/" {\n    proxy_pass http://127.0.0.1:4000;\n}\n', { real: true }],
];

describe("nginx kind: policy corpus", () => {
  for (const [name, text, line, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]).toMatchObject({ line, severity: "error" });
      expect(errors[0]!.message).toMatch(message);
    });
  }
  for (const [name, text] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(text)).toEqual([]);
    });
  }

  it("sees directives nginx sees even when hidden by odd spacing or quotes", () => {
    expect(errorsOf('location / { "include" /etc/passwd; }')[0]!.message).toMatch(/include is not allowed/);
    expect(errorsOf("location / {root /etc;}")[0]!.message).toMatch(/root "\/etc"/);
    expect(errorsOf("root /srv//acme/../../etc;")[0]!.message).toMatch(/"\.\." is not allowed/);
    // `#` inside a word is not a comment for nginx, so it is not one for the policy either.
    expect(errorsOf("add_header X a#b;")).toEqual([]);
  });

  it("warns about autoindex and variable upstreams without refusing them", () => {
    const issues = nginxKind.policy({ text: "autoindex on;\nlocation / { proxy_pass http://$arg_host; }" }, context);
    expect(issues.map((i) => [i.line, i.severity])).toEqual([
      [1, "warning"],
      [2, "warning"],
    ]);
  });
});

describe("nginx kind: rendering and the staged check", () => {
  it("renders to the org's include with the editor's lines unchanged", () => {
    const [file] = nginxKind.render({ text: "location / {\r\n  return 204;\r\n}" }, context);
    expect(file!.path).toBe("etc/nginx/hostdesk/acme-web.conf");
    expect(file!.mode).toBe(0o644);
    expect(file!.content.split("\n").slice(0, 3)).toEqual(["location / {", "  return 204;", "}"]);
    expect(nginxSnippetPath(context)).toBe(file!.path);
  });

  it("refuses slugs that could leave the directory", () => {
    expect(() => nginxKind.render({ text: "" }, { ...context, snippetSlug: "../../x" })).toThrow(/cannot name a file/);
  });

  it("checks with nginx -t against the stage, reloads with nginx -s reload", () => {
    expect(nginxKind.stagedCheck).toEqual({
      copyDir: "etc/nginx",
      argv: ["nginx", "-t", "-q", "-p", "{stage}/etc/nginx/", "-c", "{stage}/etc/nginx/nginx.conf", "-e", "{stage}/etc/nginx/error.log"],
    });
    expect(nginxKind.reload).toEqual(["nginx", "-s", "reload"]);
  });

  it("explains where each location's requests go", () => {
    expect(nginxKind.explain({ text: good[0]![1] })).toEqual(["Requests to /api/ go to http://127.0.0.1:3000."]);
    expect(nginxKind.explain({ text: "location /old/ { return 301 /new/; }" })).toEqual(["Requests to /old/ are answered with 301 /new/."]);
  });
});

describe("nginx kind: the real nginx -t", () => {
  it("passes the base configuration alone, as any user, with nothing outside the prefix", () => {
    const stage = mkdtempSync(path.join(tmpdir(), "hostdesk-base-"));
    try {
      mkdirSync(path.join(stage, "etc/nginx/hostdesk"), { recursive: true });
      writeFileSync(path.join(stage, "etc/nginx/nginx.conf"), baseNginxConf());
      const prefix = path.join(stage, "etc/nginx");
      expect(() => execFileSync(nginxBinary, ["-t", "-q", "-p", `${prefix}/`, "-c", `${prefix}/nginx.conf`, "-e", `${prefix}/error.log`], { stdio: "pipe" })).not.toThrow();
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });

  for (const [name, text] of good.filter(([, , { real }]) => real)) {
    it(`nginx accepts ${name}`, async () => {
      const result = await dryRunNginx(text, context, { nginxBinary });
      expect(result).toEqual({ ok: true, issues: [] });
    });
  }

  const nginxBad: [string, string, number | null, RegExp][] = [
    ["a misspelt directive", "location / {\n}\nlocaton / {}\n", 3, /unknown directive "locaton"/],
    ["a directive in the wrong place", "location / {\n    proxy_pass http://127.0.0.1:3000;\n}\nproxy_pass http://127.0.0.1:3000;\n", 4, /"proxy_pass" directive is not allowed here/],
    ["a bad argument", "location / {\n    expires soon;\n}\n", 2, /invalid value "soon"|"expires" directive invalid value/],
    // nginx finds unknown variables after reading every file, so it names no line.
    ["an unknown variable", "location / {\n  return 200 $no_such_variable;\n}\n", null, /unknown "no_such_variable" variable/],
    ["a duplicate location", "location /a/ {}\nlocation /a/ {}\n", 2, /duplicate location "\/a\/"/],
  ];
  for (const [name, text, line, message] of nginxBad) {
    it(`nginx refuses ${name} at its line`, async () => {
      const result = await dryRunNginx(text, context, { nginxBinary });
      expect(result.ok).toBe(false);
      expect(result.issues[0]).toMatchObject({ line, severity: "error" });
      expect(result.issues[0]!.message).toMatch(message);
    });
  }
});

describe("nginxErrorLine", () => {
  it("maps messages about the snippet to its lines, others to none", () => {
    const stderr = [
      'nginx: [emerg] unknown directive "foo" in /x/etc/nginx/hostdesk/acme-web.conf:3',
      "nginx: [warn] duplicate MIME type \"text/html\" in etc/nginx/hostdesk/acme-web.conf:7",
      'nginx: [emerg] "server" directive is not allowed here in /x/etc/nginx/nginx.conf:12',
      "nginx: configuration file /x/etc/nginx/nginx.conf test failed",
    ].join("\n");
    expect(nginxErrorLine(stderr, "etc/nginx/hostdesk/acme-web.conf")).toEqual([
      { line: 3, message: 'unknown directive "foo"', severity: "error" },
      { line: 7, message: 'duplicate MIME type "text/html"', severity: "warning" },
      { line: null, message: '"server" directive is not allowed here (in the host\'s nginx.conf, line 12)', severity: "error" },
    ]);
  });

  it("does not take another file with the same ending for the snippet", () => {
    const issues = nginxErrorLine('nginx: [emerg] unknown directive "x" in /x/etc/nginx/hostdesk/beta-acme-web.conf:2', "acme-web.conf");
    expect(issues[0]!.line).toBeNull();
  });

  it("keeps output it cannot parse", () => {
    expect(nginxErrorLine("Segmentation fault\n", "acme-web.conf")).toEqual([{ line: null, message: "Segmentation fault", severity: "error" }]);
    expect(nginxErrorLine("", "acme-web.conf")).toEqual([]);
  });
});
