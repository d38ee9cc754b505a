/**
 * Test fixture for serveHere: PID_SERVER_PROCESSES processes on PID_SERVER_PORT, each answering
 * every request with its pid. PID_SERVER_MIN_HEALTHY_MS shortens the supervisor's patience.
 */
import http from "node:http";
import { serveHere } from "../processes";

const count = Number(process.env.PID_SERVER_PROCESSES);
if (serveHere("pid_server", count, Number(process.env.PID_SERVER_MIN_HEALTHY_MS))) {
  const server = http.createServer((_req, res) => res.writeHead(200, { connection: "close" }).end(String(process.pid)));
  server.listen(Number(process.env.PID_SERVER_PORT), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
