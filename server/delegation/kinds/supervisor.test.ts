import { describe, expect, it } from "vitest";
import type { SnippetContext } from "../kind";
import { type SupervisorContent, supervisorKind } from "./supervisor";

const context: SnippetContext = { orgSlug: "acme", snippetSlug: "queue", environment: "production" };
const program = (over: Partial<SupervisorContent>): SupervisorContent => ({
  name: "worker",
  command: "/srv/acme/bin/worker --queue default",
  user: "app",
  autostart: true,
  autorestart: "unexpected",
  environment: {},
  memoryLimitMb: null,
  healthUrl: null,
  healthTimeoutSeconds: 10,
  ...over,
});
const errorsOf = (content: SupervisorContent) => supervisorKind.policy(content, context).filter((i) => i.severity === "error");

describe("supervisor kind: policy corpus", () => {
  const bad: [string, SupervisorContent, RegExp][] = [
    ["root", program({ user: "root" }), /Programs never run as root/],
    ["another account", program({ user: "postgres" }), /Programs run as app or www-data, not "postgres"/],
    ["an empty command", program({ command: "  " }), /The command is empty/],
    ["a command over two lines", program({ command: "/bin/true\n[program:evil]" }), /must be one line/],
    ["sudo", program({ command: "sudo -u root /bin/sh" }), /Do not switch users/],
    ["a name with a colon", program({ name: "web:1" }), /"web:1" is not a program name/],
    ["a name with a section bracket", program({ name: "x]\n[program:y" }), /is not a program name/],
    ["a health URL off the VM", program({ healthUrl: "http://example.com/health" }), /must point at the VM itself \(localhost or 127.0.0.1\), not example.com/],
    ["a health URL that is not HTTP", program({ healthUrl: "ftp://127.0.0.1/x" }), /must start with http:\/\/ or https:\/\//],
    ["a health URL with credentials", program({ healthUrl: "http://u:p@127.0.0.1/x" }), /must not carry a user name or password/],
    ["a health URL that is not a URL", program({ healthUrl: "127.0.0.1:3000" }), /is not a URL|must start with http/],
    ["a zero timeout", program({ healthUrl: "http://127.0.0.1:3000/health", healthTimeoutSeconds: 0 }), /timeout must be between 1 and 60 seconds/],
    ["a tiny memory limit", program({ memoryLimitMb: 4 }), /memory limit must be between 32 and 65536 MB/],
    ["a lower-case environment name", program({ environment: { node_env: "production" } }), /"node_env" must be upper case/],
    ["a quote in an environment value", program({ environment: { GREETING: 'say "hi"' } }), /GREETING may not contain " or \\/],
  ];
  for (const [name, content, message] of bad) {
    it(`refuses ${name}`, () => {
      const errors = errorsOf(content);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(message);
    });
  }
  const good: [string, SupervisorContent][] = [
    ["a plain worker", program({})],
    ["with both watchdogs", program({ memoryLimitMb: 512, healthUrl: "http://127.0.0.1:3000/health", healthTimeoutSeconds: 5 })],
    ["as www-data with environment", program({ user: "www-data", environment: { NODE_ENV: "production", PORT: "3000" } })],
    ["https on localhost and IPv6 loopback", program({ healthUrl: "https://[::1]:8443/ready" })],
    ["the starter", supervisorKind.starter],
  ];
  for (const [name, content] of good) {
    it(`accepts ${name}`, () => {
      expect(errorsOf(supervisorKind.schema.parse(content))).toEqual([]);
    });
  }
  it("warns when the program does not start by itself", () => {
    expect(supervisorKind.policy(program({ autostart: false }), context).map((i) => i.severity)).toEqual(["warning"]);
  });
});

describe("supervisor kind: rendering", () => {
  it("writes the program with superlance's memmon and httpok listeners", () => {
    const [file] = supervisorKind.render(
      program({ memoryLimitMb: 512, healthUrl: "http://127.0.0.1:3000/health?full=100%", healthTimeoutSeconds: 5, environment: { PORT: "3000", NODE_ENV: "production" }, command: "/srv/acme/bin/worker --rate 50%" }),
      context,
    );
    expect(file).toEqual({
      path: "etc/supervisor/conf.d/hostdesk-acme-queue.conf",
      mode: 0o644,
      content: [
        "; Supervised program of acme (snippet queue), written by Hostdesk; edits made here are overwritten.",
        "[program:acme-worker]",
        "command=/srv/acme/bin/worker --rate 50%%",
        "user=app",
        "autostart=true",
        "autorestart=unexpected",
        "stopasgroup=true",
        "killasgroup=true",
        'environment=NODE_ENV="production",PORT="3000"',
        "",
        "[eventlistener:acme-worker_memmon]",
        "command=memmon -p acme-worker=512MB",
        "events=TICK_60",
        "",
        "[eventlistener:acme-worker_httpok]",
        "command=httpok -p acme-worker -t 5 http://127.0.0.1:3000/health?full=100%%",
        "events=TICK_60",
        "",
      ].join("\n"),
    });
  });
  it("reloads with supervisorctl update", () => {
    expect(supervisorKind.reload).toEqual(["supervisorctl", "update"]);
    expect(supervisorKind.stagedCheck).toBeNull();
  });
  it("explains the watchdogs", () => {
    expect(supervisorKind.explain(program({ memoryLimitMb: 256, healthUrl: "http://localhost/h" }))).toEqual([
      "Runs /srv/acme/bin/worker --queue default as app, started with the VM.",
      "Restarted when it exits with an error.",
      "Restarted when it uses more than 256 MB of memory.",
      "Restarted when http://localhost/h does not answer within 10 seconds (checked every minute).",
    ]);
  });
});
