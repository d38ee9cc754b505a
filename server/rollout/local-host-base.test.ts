import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalDriver } from "@/server/platform/local-driver";
import { ensureLocalHostBase, localHostBaseFiles } from "./local-host-base";

const base = await fs.mkdtemp(path.join(os.tmpdir(), "hostdesk-base-"));
afterAll(() => fs.rm(base, { recursive: true, force: true }));

describe("a local host's base files", () => {
  it("are written once, and a killed write's temporary beside them is removed", async () => {
    const [file] = localHostBaseFiles();
    const dir = path.join(base, "web01", path.dirname(file!.path));
    await fs.mkdir(dir, { recursive: true });
    const leftover = `.${path.basename(file!.path)}.hostdesk-0123456789abcdef`;
    await fs.writeFile(path.join(dir, leftover), "half a fi");

    expect(await ensureLocalHostBase(createLocalDriver("web01", { platformRoot: base }))).toEqual([file!.path]);
    expect(await fs.readdir(dir)).toEqual([path.basename(file!.path)]);
    expect(await fs.readFile(path.join(base, "web01", file!.path), "utf8")).toBe(file!.content);
    expect(await ensureLocalHostBase(createLocalDriver("web01", { platformRoot: base }))).toEqual([]);
  });
});
