import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Everything the embedded default keeps on disk lives here, out of git. */
export const dataDir = path.resolve(process.env.HOSTDESK_DATA_DIR ?? ".data");

/** Reads a generated secret, creating it (owner-only) on first use. */
export function persistentSecret(name: string, bytes = 32): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(bytes).toString("base64url") + "\n", { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
