import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformDriver } from "./driver";
import { HostPathError } from "./host-path";
import { isTemporaryName } from "./host-layout";
import { createLocalDriver, platformRoot } from "./local-driver";

let base: string;
let driver: PlatformDriver;
let hostRoot: string;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), "hostdesk-local-"));
  driver = createLocalDriver("web01", { platformRoot: path.join(base, "platform") });
  hostRoot = path.join(base, "platform", "web01");
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("platform root and host names", () => {
  it("defaults to .data/platform below the working directory and follows HOSTDESK_PLATFORM_ROOT", () => {
    expect(platformRoot({})).toBe(path.resolve(".data/platform"));
    expect(platformRoot({ HOSTDESK_PLATFORM_ROOT: "/srv/hosts" })).toBe("/srv/hosts");
  });

  it("refuses host names that are not one plain folder name", () => {
    for (const name of ["..", "../etc", "a/b", "", ".hidden", "a b"]) {
      expect(() => createLocalDriver(name, { platformRoot: base })).toThrow(/cannot name a local host folder/);
    }
    expect(driver.root).toBe(hostRoot);
  });
});

describe("path safety", () => {
  it("refuses absolute paths and paths that climb out", async () => {
    for (const bad of ["/etc/passwd", "../outside.txt", "etc/../../outside.txt", "..", ".", ""]) {
      await expect(driver.readFile(bad)).rejects.toBeInstanceOf(HostPathError);
      await expect(driver.writeFileAtomic(bad, "x", 0o644)).rejects.toBeInstanceOf(HostPathError);
    }
    expect(existsSync(path.join(base, "platform", "outside.txt"))).toBe(false);
  });

  it("refuses to follow a symlink out of the host, for reads, hashes and writes", async () => {
    const outside = path.join(base, "outside");
    await fs.mkdir(outside, { recursive: true });
    await fs.writeFile(path.join(outside, "secret"), "do not read");
    await fs.mkdir(path.join(hostRoot, "etc"), { recursive: true });
    await fs.symlink(outside, path.join(hostRoot, "etc", "escape"));
    await fs.symlink(path.join(outside, "secret"), path.join(hostRoot, "etc", "secret-link"));

    await expect(driver.readFile("etc/escape/secret")).rejects.toThrow(/leads out of the host's root/);
    await expect(driver.hashFiles(["etc/secret-link"])).rejects.toThrow(/leads out of the host's root/);
    await expect(driver.writeFileAtomic("etc/escape/new", "x", 0o644)).rejects.toThrow(/leads out/);
    await expect(driver.writeFileAtomic("etc/secret-link", "x", 0o644)).rejects.toThrow(/leads out/);
    await expect(driver.copyDir("etc/escape", "stage/copy")).rejects.toThrow(/leads out/);
    await expect(driver.removeDir("etc/escape/sub")).rejects.toThrow(/leads out/);
    expect(await fs.readdir(outside)).toEqual(["secret"]);
    expect(await fs.readFile(path.join(outside, "secret"), "utf8")).toBe("do not read");
  });

  it("follows symlinks that stay inside the host", async () => {
    await fs.mkdir(path.join(hostRoot, "etc", "real"), { recursive: true });
    await fs.symlink("real", path.join(hostRoot, "etc", "alias"));
    await driver.writeFileAtomic("etc/alias/inside.conf", "inside\n", 0o644);
    expect(await fs.readFile(path.join(hostRoot, "etc", "real", "inside.conf"), "utf8")).toBe("inside\n");
  });
  it("checks a directory it found missing again once it has created something there", async () => {
    const fresh = createLocalDriver("fresh01", { platformRoot: path.join(base, "platform") });
    const freshRoot = path.join(base, "platform", "fresh01");
    await fs.mkdir(path.join(base, "outside-too"), { recursive: true });
    await fs.writeFile(path.join(base, "outside-too", "secret"), "do not read");
    expect(await fresh.readFile("etc/new/a.conf")).toBeNull();
    expect(await fresh.hashFiles(["etc/new/b.conf"])).toEqual(new Map([["etc/new/b.conf", null]]));
    expect(await fresh.listDir("etc/new")).toBeNull();
    await fresh.writeFileAtomic("etc/new/a.conf", "A", 0o644);
    expect(await fresh.readFile("etc/new/a.conf")).toBe("A");
    expect(await fresh.listDir("etc/new")).toEqual(["a.conf"]);

    await fs.symlink(path.join(base, "outside-too", "secret"), path.join(freshRoot, "etc/new/link"));
    await expect(fresh.readFile("etc/new/link")).rejects.toThrow(/leads out of the host's root/);
    expect(await fresh.readFile("stage/etc/new/link")).toBeNull();
    await fresh.copyDir("etc/new", "stage/etc/new");
    await expect(fresh.readFile("stage/etc/new/link")).rejects.toThrow(/leads out of the host's root/);
  });
});

describe("files", () => {
  it("writes whole files atomically, with the mode asked for, leaving no temporary behind", async () => {
    await driver.writeFileAtomic("etc/app/app.conf", "one\n", 0o640);
    const first = await fs.stat(path.join(hostRoot, "etc/app/app.conf"));
    expect(first.mode & 0o777).toBe(0o640);
    // A reader holding the old file keeps the old bytes: the new file replaced the name, not the contents.
    const reader = await fs.open(path.join(hostRoot, "etc/app/app.conf"), "r");
    await driver.writeFileAtomic("etc/app/app.conf", "two\n", 0o600);
    expect((await reader.readFile()).toString()).toBe("one\n");
    await reader.close();
    const second = await fs.stat(path.join(hostRoot, "etc/app/app.conf"));
    expect(second.ino).not.toBe(first.ino);
    expect(second.mode & 0o777).toBe(0o600);
    expect(await driver.readFile("etc/app/app.conf")).toBe("two\n");
    expect((await fs.readdir(path.join(hostRoot, "etc/app"))).filter(isTemporaryName)).toEqual([]);
  });

  it("never lets a concurrent reader see a partial file", async () => {
    const a = "a".repeat(2 * 1024 * 1024);
    const b = "b".repeat(3 * 1024 * 1024);
    await driver.writeFileAtomic("var/big", a, 0o644);
    let writing = true;
    const seen = new Set<string>();
    const reads = (async () => {
      while (writing) {
        const text = await fs.readFile(path.join(hostRoot, "var/big"), "utf8");
        seen.add(text === a ? "a" : text === b ? "b" : `partial ${text.length}`);
      }
    })();
    for (let i = 0; i < 10; i++) await driver.writeFileAtomic("var/big", i % 2 ? a : b, 0o644);
    writing = false;
    await reads;
    expect([...seen].filter((s) => s.startsWith("partial"))).toEqual([]);
  });

  it("cleans its temporary file when the write fails", async () => {
    await driver.writeFileAtomic("var/dir-as-file", "x", 0o644);
    await fs.mkdir(path.join(hostRoot, "var/target-dir"), { recursive: true });
    await expect(driver.writeFileAtomic("var/target-dir", "x", 0o644)).rejects.toThrow();
    expect((await fs.readdir(path.join(hostRoot, "var"))).filter(isTemporaryName)).toEqual([]);
  });

  it("hashes, lists, copies, renames and removes", async () => {
    await driver.writeFileAtomic("etc/svc/a.conf", "A", 0o644);
    await driver.writeFileAtomic("etc/svc/sub/b.conf", "B", 0o644);
    const hashes = await driver.hashFiles(["etc/svc/a.conf", "etc/svc/missing.conf"]);
    expect(hashes.get("etc/svc/a.conf")).toBe(sha("A"));
    expect(hashes.get("etc/svc/missing.conf")).toBeNull();
    expect((await driver.listDir("etc/svc"))?.sort()).toEqual(["a.conf", "sub"]);
    expect(await driver.listDir("etc/nothing-here")).toBeNull();
    await fs.symlink("a.conf", path.join(hostRoot, "etc/svc/link.conf"));
    expect(await driver.hashTree("etc/svc")).toEqual(new Map([["a.conf", sha("A")], ["sub/b.conf", sha("B")], ["link.conf", "symlink:a.conf"]]));
    expect(await driver.hashTree("etc/nothing-here")).toBeNull();
    await fs.rm(path.join(hostRoot, "etc/svc/link.conf"));

    await driver.copyDir("etc/svc", "stage/etc/svc");
    expect(await driver.readFile("stage/etc/svc/sub/b.conf")).toBe("B");
    await expect(driver.copyDir("etc/not-there", "stage/x")).rejects.toThrow(/not a directory/);
    await driver.writeFile("stage/etc/svc/new.conf", "N", 0o644);
    await driver.rename("stage/etc/svc/new.conf", "stage/etc/svc/renamed.conf");
    expect(await driver.readFile("stage/etc/svc/renamed.conf")).toBe("N");
    await driver.remove("stage/etc/svc/renamed.conf");
    await driver.remove("stage/etc/svc/renamed.conf");
    await driver.removeDir("stage");
    expect(existsSync(path.join(hostRoot, "stage"))).toBe(false);
    expect(await driver.readFile("etc/svc/sub/b.conf")).toBe("B");
  });
});

describe("run", () => {
  it("runs argv without a shell, in the host's root", async () => {
    const result = await driver.run(["sh", "-c", 'pwd; printf "%s" "$1"; echo oops >&2; exit 7', "sh", "$(touch pwned) ; rm -rf /"]);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe(`${await fs.realpath(hostRoot)}\n$(touch pwned) ; rm -rf /`);
    expect(result.stderr).toBe("oops\n");
    expect(existsSync(path.join(hostRoot, "pwned"))).toBe(false);
  });

  it("reports a missing program as exit 127", async () => {
    const result = await driver.run(["/nonexistent/program"]);
    expect(result.code).toBe(127);
    expect(result.stderr).toMatch(/ENOENT/);
  });

  it("kills a command at its timeout, with whatever it started", async () => {
    const started = Date.now();
    const result = await driver.run(["sh", "-c", "(sleep 1; touch late) & sleep 10"], { timeoutMs: 300 });
    expect(result.code).toBe(124);
    expect(result.stderr).toMatch(/killed after the 300 ms timeout/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(existsSync(path.join(hostRoot, "late"))).toBe(false);
  });
});

describe("reload", () => {
  it("is skipped honestly on a folder without a hook", async () => {
    const result = await driver.reload("nginx", ["nginx", "-s", "reload"]);
    expect(result).toEqual({ status: "skipped", detail: expect.stringMatching(/reload skipped: no daemon on a local host/) });
  });

  it("runs the host folder's executable hook with the reload argv", async () => {
    const hook = path.join(hostRoot, "var/lib/hostdesk/hooks/reload-cron");
    await fs.mkdir(path.dirname(hook), { recursive: true });
    await fs.writeFile(hook, '#!/bin/sh\necho "reloading $*"\n', { mode: 0o755 });
    expect(await driver.reload("cron", ["systemctl", "reload", "cron"])).toEqual({
      status: "reloaded",
      detail: "var/lib/hostdesk/hooks/reload-cron: reloading systemctl reload cron",
    });
    await fs.writeFile(hook, "#!/bin/sh\necho broken >&2\nexit 3\n", { mode: 0o755 });
    expect(await driver.reload("cron", ["x"])).toEqual({ status: "failed", detail: "var/lib/hostdesk/hooks/reload-cron exited with 3: broken" });
  });

  it("runs the reload argv itself when configured to", async () => {
    const running = createLocalDriver("web01", { platformRoot: path.join(base, "platform"), reloads: "run" });
    expect((await running.reload("nginx", ["sh", "-c", "exit 3"])).status).toBe("failed");
    expect((await running.reload("nginx", ["true"])).status).toBe("reloaded");
  });
});
