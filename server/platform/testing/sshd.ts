import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../launcher/free-port";

/** A real OpenSSH server on a loopback port, with throwaway keys, for tests of the ssh driver. */
export type TestSshd = {
  host: string;
  port: number;
  username: string;
  /** The client's private key (OpenSSH format) that the server accepts. */
  privateKey: string;
  /** The server's host key as a VM row pins it: `ssh-ed25519 AAAA…`. */
  hostKey: string;
  /** Another valid ed25519 key that is not the server's, for refusal tests. */
  otherHostKey: string;
  /** A scratch directory that the tests may use as remote roots (the server runs on this machine). */
  dir: string;
  stop(): Promise<void>;
};

export const sshdPath = "/usr/sbin/sshd";

function keygen(file: string) {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "hostdesk-test", "-f", file], { stdio: "ignore" });
}

/** Resolves once something accepts connections on the port, or rejects when sshd died or the time ran out. */
async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port} within ${timeoutMs} ms: ${log()}`);
}

/**
 * Starts `/usr/sbin/sshd -D -e` as root (sshd insists on both an absolute path and root) with a
 * minimal config in a temp dir. The caller stops it in afterAll.
 */
export async function startTestSshd(): Promise<TestSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hostdesk-sshd-"));
  const hostKeyFile = path.join(dir, "ssh_host_ed25519_key");
  const otherKeyFile = path.join(dir, "other_host_key");
  const clientKeyFile = path.join(dir, "client_key");
  keygen(hostKeyFile);
  keygen(otherKeyFile);
  keygen(clientKeyFile);
  writeFileSync(path.join(dir, "authorized_keys"), readFileSync(`${clientKeyFile}.pub`));
  // Privilege separation needs this directory; a container that never ran sshd lacks it.
  mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const port = await freePort();
  const config = [
    `Port ${port}`,
    "ListenAddress 127.0.0.1",
    `HostKey ${hostKeyFile}`,
    `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
    `PidFile ${path.join(dir, "sshd.pid")}`,
    "StrictModes no",
    "UsePAM no",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "PubkeyAuthentication yes",
    "PermitRootLogin prohibit-password",
    "Subsystem sftp internal-sftp",
    "LogLevel ERROR",
    // Bash run by sshd reads ~/.bashrc even for a plain command unless it is nested; a developer's
    // .bashrc (pyenv, nvm…) can take seconds per command. SHLVL=1 makes it count as nested.
    "SetEnv SHLVL=1",
  ].join("\n");
  const configFile = path.join(dir, "sshd_config");
  writeFileSync(configFile, `${config}\n`);

  let output = "";
  const child = spawn(sshdPath, ["-D", "-e", "-f", configFile], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const publicLine = (file: string) => readFileSync(`${file}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
  return {
    host: "127.0.0.1",
    port,
    username: os.userInfo().username,
    privateKey: readFileSync(clientKeyFile, "utf8"),
    hostKey: publicLine(hostKeyFile),
    otherHostKey: publicLine(otherKeyFile),
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
