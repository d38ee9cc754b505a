import http from "node:http";
import next from "next";
import { log } from "@/server/log";
import { handleTrpc, isTrpcRequest } from "./trpc-endpoint";

export type WebServerOptions = { host: string; port: number; dev: boolean };

/** Open connections (a desk's live feed) get this long to finish before they are cut on shutdown. */
const SHUTDOWN_GRACE_MS = 3_000;

/**
 * The web process's HTTP server: tRPC answers its own path on Node's request directly, Next renders
 * everything else (pages, auth, health, attachments). One process, one port.
 */
export async function startWebServer({ host, port, dev }: WebServerOptions): Promise<http.Server> {
  const app = next({ dev, hostname: host, port, dir: process.cwd() });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (isTrpcRequest(req.url)) return void handleTrpc(req, res);
    handleNext(req, res).catch((error: unknown) => {
      log.error("web.unhandled_request_error", { url: req.url, error });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Something went wrong on our side.");
    });
  });
  // Only the dev server upgrades connections (hot reload).
  if (dev) server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  log.info("web.listening", { url: `http://${host}:${port}`, dev });
  return server;
}

/** Stops taking connections, lets requests in flight finish, then cuts what is still open. */
export async function stopWebServer(server: http.Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  await closed;
  clearTimeout(cut);
}
