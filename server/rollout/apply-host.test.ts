import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformDriver } from "@/server/platform/driver";
import { isTemporaryName } from "@/server/platform/host-layout";
import { createLocalDriver, type LocalDriverOptions } from "@/server/platform/local-driver";
import { crashFile, crashFileCount, crashGroup } from "@/server/platform/testing/apply-forever";
import { badLocation, goodLocation, installNginxSkeleton, nginxCheck } from "@/server/platform/testing/nginx-host";
import { type DesiredKindState, applyHost, detectDrift } from "./apply-host";
import { manifestPath } from "./host-manifest";

let base: string;
let hosts = 0;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), "hostdesk-apply-"));
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

async function newHost(options: LocalDriverOptions = {}): Promise<{ driver: PlatformDriver; root: string; name: string }> {
  const name = `vm${++hosts}`;
  const driver = createLocalDriver(name, { platformRoot: base, ...options });
  await installNginxSkeleton(driver);
  return { driver, root: path.join(base, name), name };
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const snippetPath = (slug: string) => `etc/nginx/hostdesk/${slug}.conf`;
const cronPath = "etc/cron.d/hostdesk-acme-backup";
const cronLine = "15 3 * * * app /srv/app/bin/backup\n";

function nginx(snippets: Record<string, string>, reload: string[] | null = ["nginx", "-s", "reload"]): DesiredKindState {
  return {
    kind: "nginx",
    files: Object.entries(snippets).map(([slug, content]) => ({ path: snippetPath(slug), content, mode: 0o644 })),
    stagedCheck: nginxCheck,
    reload,
  };
}

const cron = (content = cronLine): DesiredKindState => ({ kind: "cron", files: [{ path: cronPath, content, mode: 0o644 }], stagedCheck: null, reload: null });

/** Every file below the host root, relative, for "nothing else changed" and "no leftovers" checks. */
async function tree(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

async function stats(root: string, paths: string[]) {
  return Promise.all(paths.map(async (p) => ({ p, ...(({ ino, mtimeMs, size }) => ({ ino, mtimeMs, size }))(await fs.stat(path.join(root, p))) })));
}

describe("applyHost with the local driver", () => {
  it("writes the files and the manifest on the first apply, and nothing on the second", async () => {
    const { driver, root } = await newHost();
    const desired = [nginx({ shop: goodLocation("shop"), api: goodLocation("api") }), cron()];

    const first = await applyHost(driver, desired);
    expect(first.outcome).toBe("applied");
    expect(first.written.sort()).toEqual([cronPath, snippetPath("api"), snippetPath("shop")]);
    expect(first).toMatchObject({ removed: [], drifted: [], generation: 1 });
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect(first.log).toContain(`nginx: ${nginxCheck.argv.join(" ")} passed`);
    expect(first.log.some((l) => l.startsWith("nginx: reload skipped: no daemon on a local host"))).toBe(true);
    const manifest = JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8"));
    expect(manifest.generation).toBe(1);
    expect(manifest.files[cronPath]).toEqual({ sha256: sha(cronLine), mode: 0o644, kind: "cron" });
    expect(first.files).toEqual({ [cronPath]: sha(cronLine), [snippetPath("api")]: sha(goodLocation("api")), [snippetPath("shop")]: sha(goodLocation("shop")) });

    const watched = [...first.written, manifestPath];
    const before = await stats(root, watched);
    const filesBefore = await tree(root);
    const second = await applyHost(driver, desired);
    expect(second).toMatchObject({ outcome: "unchanged", written: [], removed: [], drifted: [], generation: 1, files: first.files });
    expect(await stats(root, watched)).toEqual(before);
    expect(await tree(root)).toEqual(filesBefore);
  });

  it("changes nothing on the host when nginx -t rejects a snippet", async () => {
    const { driver, root } = await newHost();
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    const before = await stats(root, [snippetPath("shop"), manifestPath]);
    const filesBefore = await tree(root);

    const result = await applyHost(driver, [nginx({ shop: badLocation, extra: goodLocation("extra") })]);
    expect(result.outcome).toBe("failed");
    expect(result.written).toEqual([]);
    // The real tool's words, with the file named as it sits on the host rather than in the staging tree.
    expect(result.log.join("\n")).toMatch(/unknown directive "retrun" in etc\/nginx\/hostdesk\/shop\.conf:2/);
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect(await stats(root, [snippetPath("shop"), manifestPath])).toEqual(before);
    expect(await tree(root)).toEqual(filesBefore);
    expect(await fs.readdir(path.join(root, "var/lib/hostdesk"))).toEqual(["manifest.json"]);
  });

  it("deletes the files of a removed snippet, and of a kind whose last snippet went", async () => {
    const { driver, root } = await newHost();
    await applyHost(driver, [nginx({ shop: goodLocation("shop"), api: goodLocation("api") }), cron()]);

    const one = await applyHost(driver, [nginx({ shop: goodLocation("shop") }), cron()]);
    expect(one).toMatchObject({ outcome: "applied", written: [], removed: [snippetPath("api")] });
    expect(existsSync(path.join(root, snippetPath("api")))).toBe(false);

    // No nginx group any more: the manifest still knows how to check and reload nginx.
    const none = await applyHost(driver, [cron()]);
    expect(none).toMatchObject({ outcome: "applied", removed: [snippetPath("shop")] });
    expect(none.log).toContain(`nginx: ${nginxCheck.argv.join(" ")} passed`);
    expect(existsSync(path.join(root, snippetPath("shop")))).toBe(false);
    const manifest = JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8"));
    expect(Object.keys(manifest.files)).toEqual([cronPath]);
    expect(Object.keys(manifest.kinds)).toEqual(["cron"]);
    expect((await applyHost(driver, [cron()])).outcome).toBe("unchanged");
  });

  it("detects hand edits and deletions, and the next apply repairs them", async () => {
    const { driver, root } = await newHost();
    const desired = [nginx({ shop: goodLocation("shop") }), cron()];
    await applyHost(driver, desired);
    await fs.writeFile(path.join(root, snippetPath("shop")), "location /hacked { return 200; }\n");
    await fs.rm(path.join(root, cronPath));
    await fs.appendFile(path.join(root, "etc/nginx/nginx.conf"), "# the host's own file: not Hostdesk's to judge\n");

    const drift = await detectDrift(driver);
    expect(drift.generation).toBe(1);
    expect(drift.drifted).toEqual([
      { path: cronPath, kind: "cron", expected: sha(cronLine), actual: null },
      { path: snippetPath("shop"), kind: "nginx", expected: sha(goodLocation("shop")), actual: sha("location /hacked { return 200; }\n") },
    ]);

    const repaired = await applyHost(driver, desired);
    expect(repaired.outcome).toBe("applied");
    expect(repaired.drifted.sort()).toEqual([cronPath, snippetPath("shop")]);
    expect(repaired.written.sort()).toEqual([cronPath, snippetPath("shop")]);
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect(await fs.readFile(path.join(root, cronPath), "utf8")).toBe(cronLine);
    expect((await detectDrift(driver)).drifted).toEqual([]);
  });

  it("puts a kind's previous files back when its reload fails, and converges once the reload works", async () => {
    const { driver, root } = await newHost({ reloads: "run" });
    await applyHost(driver, [nginx({ shop: goodLocation("shop"), api: goodLocation("api") }, ["true"]), cron()]);
    const failingReload = ["sh", "-c", "echo 'nginx: [alert] no daemon answered' >&2; exit 3"];

    const next = [nginx({ shop: goodLocation("shop-v2"), blog: goodLocation("blog") }, failingReload), cron("0 4 * * * app /srv/app/bin/backup\n")];
    const result = await applyHost(driver, next);
    expect(result.outcome).toBe("failed");
    expect(result.log.join("\n")).toMatch(/exited with 3: nginx: \[alert\] no daemon answered/);
    // nginx is back to what it had; cron (no reload, nothing to undo) keeps its new file.
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect(await fs.readFile(path.join(root, snippetPath("api")), "utf8")).toBe(goodLocation("api"));
    expect(existsSync(path.join(root, snippetPath("blog")))).toBe(false);
    expect(result.written).toEqual([cronPath]);
    expect(result.removed).toEqual([]);
    expect((await detectDrift(driver)).drifted).toEqual([]);

    const retried = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2"), blog: goodLocation("blog") }, ["true"]), next[1]!]);
    expect(retried).toMatchObject({ outcome: "applied", removed: [snippetPath("api")] });
    expect(retried.written.sort()).toEqual([snippetPath("blog"), snippetPath("shop")]);
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop-v2"));
  });

  it("uses a host folder's reload hook, and restores when the hook fails", async () => {
    const { driver, root } = await newHost();
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    const hook = path.join(root, "var/lib/hostdesk/hooks/reload-nginx");
    await fs.mkdir(path.dirname(hook), { recursive: true });
    await fs.writeFile(hook, "#!/bin/sh\necho \"refusing $*\" >&2\nexit 1\n", { mode: 0o755 });

    const result = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })]);
    expect(result.outcome).toBe("failed");
    expect(result.log).toContain("nginx: var/lib/hostdesk/hooks/reload-nginx exited with 1: refusing nginx -s reload");
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
  });

  it("lets hosts with byte-identical staged trees share one run of the check", async () => {
    const counter = path.join(base, "check-runs");
    const counted = { ...nginxCheck, argv: ["sh", "-c", `echo run >> ${counter}; exec "$@"`, "sh", ...nginxCheck.argv] };
    const withCheck = (snippets: Record<string, string>) => [{ ...nginx(snippets), stagedCheck: counted }];
    const runs = async () => (await fs.readFile(counter, "utf8").catch(() => "")).split("\n").filter(Boolean).length;
    const checkCache = new Map();
    const [a, b, c] = [await newHost(), await newHost(), await newHost()];

    expect((await applyHost(a.driver, withCheck({ shop: goodLocation("shop") }), { checkCache })).outcome).toBe("applied");
    const second = await applyHost(b.driver, withCheck({ shop: goodLocation("shop") }), { checkCache });
    expect(second.outcome).toBe("applied");
    expect(second.log.some((l) => l.endsWith("passed (same staged files as a host already checked)"))).toBe(true);
    expect(await runs()).toBe(1);
    expect((await applyHost(c.driver, withCheck({ shop: goodLocation("shop"), api: goodLocation("api") }), { checkCache })).outcome).toBe("applied");
    expect(await runs()).toBe(2);

    // A rejection is shared the same way, with the tool's words, and each host stays untouched.
    const bad = await Promise.all([a, b].map((h) => applyHost(h.driver, withCheck({ shop: badLocation }), { checkCache })));
    expect(bad.map((r) => r.outcome)).toEqual(["failed", "failed"]);
    for (const r of bad) expect(r.log.join("\n")).toMatch(/unknown directive "retrun" in etc\/nginx\/hostdesk\/shop\.conf:2/);
    expect(await runs()).toBe(3);
    expect(await fs.readFile(path.join(b.root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
  });

  it("refuses a desired state with a path outside the host, before touching it", async () => {
    const { driver, root } = await newHost();
    const filesBefore = await tree(root);
    for (const bad of ["../vm1/etc/passwd", "/etc/passwd", "var/lib/hostdesk/manifest.json", "etc/./x.conf"]) {
      const result = await applyHost(driver, [{ kind: "cron", files: [{ path: bad, content: "x", mode: 0o644 }], stagedCheck: null, reload: null }]);
      expect(result.outcome).toBe("failed");
      expect(result.log[0]).toMatch(/Refused host path|Hostdesk's own|canonical form/);
    }
    expect(await tree(root)).toEqual(filesBefore);
  });
});

describe("crash safety", () => {
  it("removes an interrupted apply's leftovers and does not call its half-done swap drift", async () => {
    const { driver, root } = await newHost();
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    // What a kill between "announce" and "final manifest" leaves: a pending manifest, one file swapped, litter.
    const manifest = JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8"));
    manifest.pending = { [snippetPath("shop")]: sha(goodLocation("shop-v2")) };
    await fs.writeFile(path.join(root, manifestPath), JSON.stringify(manifest));
    await fs.writeFile(path.join(root, snippetPath("shop")), goodLocation("shop-v2"));
    await fs.writeFile(path.join(root, "etc/nginx/hostdesk/.shop.conf.hostdesk-0123456789abcdef"), "half");
    await fs.mkdir(path.join(root, "var/lib/hostdesk/stage-0a0b0c0d0e0f-nginx/etc/nginx"), { recursive: true });

    expect((await detectDrift(driver)).drifted).toEqual([]);
    const result = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })]);
    expect(result).toMatchObject({ outcome: "applied", written: [], drifted: [], generation: 2 });
    expect(result.log.join("\n")).toMatch(/removed 2 leftover/);
    expect(await fs.readdir(path.join(root, "etc/nginx/hostdesk"))).toEqual(["shop.conf"]);
    expect(await fs.readdir(path.join(root, "var/lib/hostdesk"))).toEqual(["manifest.json"]);
    expect((await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })])).outcome).toBe("unchanged");
  });

  it("reloads a kind whose apply was killed between its swap and its reload, and keeps trying while the reload fails", async () => {
    const { driver, root } = await newHost();
    const hook = path.join(root, "var/lib/hostdesk/hooks/reload-nginx");
    const reloads = path.join(root, "reloads.log");
    const setHook = (exitCode: number) => fs.writeFile(hook, `#!/bin/sh\necho "$*" >> ${reloads}\nexit ${exitCode}\n`, { mode: 0o755 });
    const reloadCount = async () => (await fs.readFile(reloads, "utf8")).split("\n").filter(Boolean).length;
    await fs.mkdir(path.dirname(hook), { recursive: true });
    await setHook(0);
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    expect(await reloadCount()).toBe(1);

    // Killed after the swap, before the reload: the new bytes are live, the manifest still announces them.
    const manifest = JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8"));
    manifest.pending = { [snippetPath("shop")]: sha(goodLocation("shop-v2")) };
    await fs.writeFile(path.join(root, manifestPath), JSON.stringify(manifest));
    await fs.writeFile(path.join(root, snippetPath("shop")), goodLocation("shop-v2"));

    // The daemon refuses for now: the apply fails, and the host still says a reload is owed.
    await setHook(1);
    const refused = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })]);
    expect(refused.outcome).toBe("failed");
    expect(await reloadCount()).toBe(3);
    expect(JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8")).pending).toEqual({ [snippetPath("shop")]: sha(goodLocation("shop-v2")) });

    // Once the daemon takes it, the owed reload happens though no file needs writing, and is not owed again.
    await setHook(0);
    const retried = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })]);
    expect(retried).toMatchObject({ outcome: "applied", written: [], drifted: [] });
    expect(await reloadCount()).toBe(4);
    expect(JSON.parse(await fs.readFile(path.join(root, manifestPath), "utf8")).pending).toBeUndefined();
    expect((await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") })])).outcome).toBe("unchanged");
    expect(await reloadCount()).toBe(4);
  });

  it("leaves no partial file when the applying process is SIGKILLed at any moment", async () => {
    const name = `vm${++hosts}`;
    const driver = createLocalDriver(name, { platformRoot: base });
    const root = path.join(base, name);
    const child = path.resolve("server/platform/testing/apply-forever.ts");
    for (const delayMs of [150, 420, 777]) {
      const proc: ChildProcess = spawn(process.execPath, ["--import", "tsx", child, base, name], { stdio: ["ignore", "pipe", "inherit"] });
      // Wait for the first completed apply, then kill somewhere in the middle of later ones.
      await new Promise<void>((resolve, reject) => {
        proc.stdout!.once("data", () => resolve());
        proc.once("exit", (code) => reject(new Error(`apply-forever exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, delayMs));
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGKILL");
      await exited;

      for (let i = 0; i < crashFileCount; i++) {
        const text = await fs.readFile(path.join(root, crashFile(i, 0).path), "utf8");
        const generation = Number(text.slice(0, text.indexOf(":")));
        expect(text).toBe(crashFile(i, generation).content);
      }
      const result = await applyHost(driver, [crashGroup(-1)]);
      expect(result.outcome).toBe("applied");
      expect(result.drifted).toEqual([]);
      expect((await tree(root)).filter((p) => isTemporaryName(path.basename(p)) || p.includes("stage-"))).toEqual([]);
    }
  }, 60_000);
});
