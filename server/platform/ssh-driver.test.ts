import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DesiredKindState, applyHost, detectDrift } from "@/server/rollout/apply-host";
import { manifestPath } from "@/server/rollout/host-manifest";
import type { PlatformDriver } from "./driver";
import { driverFor } from "./driver-for";
import { HostPathError } from "./host-path";
import { createSshDriver } from "./ssh-driver";
import { HostKeyMismatchError, hostKeyFingerprint, parsePinnedHostKey } from "./ssh-host-key";
import { badLocation, goodLocation, installNginxSkeleton, nginxCheck } from "./testing/nginx-host";
import { type TestSshd, startTestSshd } from "./testing/sshd";

let sshd: TestSshd;
const opened: PlatformDriver[] = [];
let hosts = 0;

beforeAll(async () => {
  sshd = await startTestSshd();
});

afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
  await sshd?.stop();
});

/** A host reached over SSH whose remote root is a directory this test can also look at directly. */
function sshHost(hostKey = sshd.hostKey) {
  const root = path.join(sshd.dir, "hosts", `vm${++hosts}`);
  const driver = createSshDriver({ host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKey, root });
  opened.push(driver);
  return { driver, root };
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const snippetPath = (slug: string) => `etc/nginx/hostdesk/${slug}.conf`;
const nginx = (snippets: Record<string, string>, reload: string[] = ["true"]): DesiredKindState => ({
  kind: "nginx",
  files: Object.entries(snippets).map(([slug, content]) => ({ path: snippetPath(slug), content, mode: 0o644 })),
  stagedCheck: nginxCheck,
  reload,
});

describe("ssh driver against a real OpenSSH server", () => {
  it("applies over SFTP, then finds the host unchanged and writes nothing", async () => {
    const { driver, root } = sshHost();
    await installNginxSkeleton(driver);
    const desired = [nginx({ shop: goodLocation("shop"), api: goodLocation("api") })];

    const first = await applyHost(driver, desired);
    expect(first).toMatchObject({ outcome: "applied", removed: [], drifted: [], generation: 1 });
    expect(first.written.sort()).toEqual([snippetPath("api"), snippetPath("shop")]);
    expect(first.log).toContain(`nginx: ${nginxCheck.argv.join(" ")} passed`);
    expect(first.log).toContain("nginx: true: ok");
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect((await fs.stat(path.join(root, snippetPath("shop")))).mode & 0o777).toBe(0o644);

    const watched = [snippetPath("shop"), snippetPath("api"), manifestPath].map((p) => path.join(root, p));
    const before = await Promise.all(watched.map(async (p) => (({ ino, mtimeMs }) => ({ ino, mtimeMs }))(await fs.stat(p))));
    const second = await applyHost(driver, desired);
    expect(second).toMatchObject({ outcome: "unchanged", written: [], removed: [], drifted: [], files: first.files });
    expect(await Promise.all(watched.map(async (p) => (({ ino, mtimeMs }) => ({ ino, mtimeMs }))(await fs.stat(p))))).toEqual(before);

    const removed = await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    expect(removed).toMatchObject({ outcome: "applied", written: [], removed: [snippetPath("api")] });
    expect(existsSync(path.join(root, snippetPath("api")))).toBe(false);
  });

  it("runs nginx -t on the host against a staged copy and changes nothing when it fails", async () => {
    const { driver, root } = sshHost();
    await installNginxSkeleton(driver);
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    const manifestBefore = await fs.readFile(path.join(root, manifestPath), "utf8");

    const result = await applyHost(driver, [nginx({ shop: badLocation })]);
    expect(result.outcome).toBe("failed");
    expect(result.log.join("\n")).toMatch(/unknown directive "retrun" in etc\/nginx\/hostdesk\/shop\.conf:2/);
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
    expect(await fs.readFile(path.join(root, manifestPath), "utf8")).toBe(manifestBefore);
    expect(await fs.readdir(path.join(root, "var/lib/hostdesk"))).toEqual(["manifest.json"]);
    expect(await fs.readdir(path.join(root, "etc/nginx/hostdesk"))).toEqual(["shop.conf"]);
  });

  it("reports a hand edit, repairs it, and restores a kind whose reload fails", async () => {
    const { driver, root } = sshHost();
    await installNginxSkeleton(driver);
    await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    await fs.writeFile(path.join(root, snippetPath("shop")), "# edited by hand\n");

    const drift = await detectDrift(driver);
    expect(drift.drifted).toEqual([{ path: snippetPath("shop"), kind: "nginx", expected: sha(goodLocation("shop")), actual: sha("# edited by hand\n") }]);
    const repaired = await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    expect(repaired).toMatchObject({ outcome: "applied", drifted: [snippetPath("shop")], written: [snippetPath("shop")] });
    expect((await detectDrift(driver)).drifted).toEqual([]);

    const failed = await applyHost(driver, [nginx({ shop: goodLocation("shop-v2") }, ["sh", "-c", "echo reload refused >&2; exit 3"])]);
    expect(failed.outcome).toBe("failed");
    expect(failed.log.join("\n")).toMatch(/exited with 3: reload refused/);
    expect(await fs.readFile(path.join(root, snippetPath("shop")), "utf8")).toBe(goodLocation("shop"));
  });

  it("refuses a server whose host key is not the pinned one, before sending anything", async () => {
    const { driver, root } = sshHost(sshd.otherHostKey);
    const refused = driver.writeFileAtomic("etc/x.conf", "x", 0o644);
    await expect(refused).rejects.toBeInstanceOf(HostKeyMismatchError);
    await expect(refused).rejects.toThrow(
      `its host key ${parsePinnedHostKey(sshd.hostKey).fingerprint} is not the pinned ssh-ed25519 key ${parsePinnedHostKey(sshd.otherHostKey).fingerprint}`,
    );
    const applied = await applyHost(driver, [nginx({ shop: goodLocation("shop") })]);
    expect(applied.outcome).toBe("failed");
    expect(applied.log.join("\n")).toMatch(/apply stopped: Refused .* is not the pinned ssh-ed25519 key/);
    expect(existsSync(root)).toBe(false);
    expect(() => createSshDriver({ host: sshd.host, username: "root", privateKey: sshd.privateKey, hostKey: "ssh-ed25519 not-base64!" })).toThrow(/Not a host key/);
    const [, blob] = sshd.hostKey.split(" ");
    expect(() => createSshDriver({ host: sshd.host, username: "root", privateKey: sshd.privateKey, hostKey: `ecdsa-sha2-nistp256 ${blob}` })).toThrow(
      /does not match its type/,
    );
  });

  it("refuses paths that leave the remote root, symlinks included", async () => {
    const { driver, root } = sshHost();
    await driver.writeFileAtomic("etc/ok.conf", "ok", 0o644);
    const outside = path.join(sshd.dir, "outside");
    await fs.mkdir(outside, { recursive: true });
    await fs.symlink(outside, path.join(root, "etc", "escape"));
    await expect(driver.readFile("/etc/passwd")).rejects.toBeInstanceOf(HostPathError);
    await expect(driver.readFile("../outside/x")).rejects.toBeInstanceOf(HostPathError);
    await expect(driver.writeFileAtomic("etc/escape/x.conf", "x", 0o644)).rejects.toThrow(/leads out of the host's root/);
    await expect(driver.removeDir("etc/escape")).rejects.toThrow(/leads out of the host's root/);
    expect(await fs.readdir(outside)).toEqual([]);
  });

  it("hashes a tree over SFTP, recording symlinks without following them", async () => {
    const { driver, root } = sshHost();
    await driver.writeFileAtomic("etc/svc/a.conf", "A", 0o644);
    await driver.writeFileAtomic("etc/svc/sub/b.conf", "B", 0o644);
    await fs.symlink("/etc/passwd", path.join(root, "etc/svc/passwd-link"));
    expect(await driver.hashTree("etc/svc")).toEqual(new Map([["a.conf", sha("A")], ["sub/b.conf", sha("B")], ["passwd-link", "symlink:/etc/passwd"]]));
    expect(await driver.hashTree("etc/none")).toBeNull();
  });

  it("quotes argv, runs in the root, times out, and keeps one connection until closed", async () => {
    const { driver, root } = sshHost();
    const tricky = "it's $(touch pwned); `id` \"quoted\"";
    const result = await driver.run(["sh", "-c", 'pwd; printf "%s" "$1"; exit 4', "sh", tricky]);
    expect(result).toEqual({ code: 4, stdout: `${root}\n${tricky}`, stderr: "" });
    expect(existsSync(path.join(root, "pwned"))).toBe(false);

    const started = Date.now();
    const slow = await driver.run(["sleep", "20"], { timeoutMs: 400 });
    expect(slow.code).toBe(124);
    expect(Date.now() - started).toBeLessThan(5_000);

    const connection = async () => (await driver.run(["sh", "-c", "echo $SSH_CONNECTION"])).stdout;
    const one = await connection();
    expect(await connection()).toBe(one);
    await driver.close();
    expect(await connection()).not.toBe(one);
  });
});

describe("driverFor", () => {
  it("picks the local folder named after the VM", () => {
    const driver = driverFor(
      { name: "acme-web01", driver: "local", sshHost: null, sshPort: null, sshUser: null, sshHostKey: null },
      { HOSTDESK_PLATFORM_ROOT: "/srv/platform" },
    );
    expect(driver.root).toBe("/srv/platform/acme-web01");
  });

  it("reaches an ssh VM with the key file from HOSTDESK_SSH_KEY_FILE and the row's pinned key", async () => {
    const keyFile = path.join(sshd.dir, "hostdesk_key");
    await fs.writeFile(keyFile, sshd.privateKey, { mode: 0o600 });
    const vm = { name: "acme-web02", driver: "ssh" as const, sshHost: sshd.host, sshPort: sshd.port, sshUser: sshd.username, sshHostKey: sshd.hostKey };
    const root = path.join(sshd.dir, "driver-for-root");
    const driver = driverFor(vm, { HOSTDESK_SSH_KEY_FILE: keyFile, HOSTDESK_SSH_ROOT: root });
    opened.push(driver);
    expect(driver.root).toBe(root);
    expect((await driver.run(["pwd"])).stdout).toBe(`${root}\n`);

    const keyless = driverFor(vm, {});
    opened.push(keyless);
    await expect(keyless.run(["true"])).rejects.toThrow(/HOSTDESK_SSH_KEY_FILE is not set/);
    expect(() => driverFor({ ...vm, sshHostKey: null }, {})).toThrow(/lacks its ssh host, user or pinned host key/);
    expect(hostKeyFingerprint(parsePinnedHostKey(sshd.hostKey).blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
