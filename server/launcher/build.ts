import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { log } from "@/server/log";

const nextBin = path.resolve("node_modules/next/dist/bin/next");

/** Builds the production app unless a build already exists (or `force`: always build afresh). */
export function ensureBuild({ force = false }: { force?: boolean } = {}): void {
  if (!force && fs.existsSync(path.resolve(".next/BUILD_ID"))) return;
  log.info("launcher.building", { note: "first start: building the app, this takes a minute or two" });
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}
