/**
 * Test fixture for serveHere: PID_SERVER_PROCESSES processes on PID_SERVER_PORT, each answering
 * every request with its pid and its node flags. PID_SERVER_MIN_HEALTHY_MS shortens the supervisor's
 * patience; PID_SERVER_SUPERVISED=1 supervises even one process, started with PID_SERVER_V8_FLAGS.
 */
import http from "node:http";
import { serveHere } from "../processes";

const count = Number(process.env.PID_SERVER_PROCESSES);
const options = {
  minHealthyMs: Number(process.env.PID_SERVER_MIN_HEALTHY_MS),
  supervised: process.env.PID_SERVER_SUPERVISED === "1",
  v8Flags: (process.env.PID_SERVER_V8_FLAGS ?? "").split(" ").filter(Boolean),
};
if (serveHere("pid_server", count, options)) {
  const server = http.createServer((_req, res) => res.writeHead(200, { connection: "close" }).end(`${process.pid} ${process.execArgv.join(" ")}`));
  server.listen(Number(process.env.PID_SERVER_PORT), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
