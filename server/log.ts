/**
 * Structured logs: one JSON object per line on stdout, so any collector can parse them
 * without a pattern per message.
 */
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? "info"] ?? order.info;

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, event: string, fields: Fields = {}): void {
  if (order[level] < threshold) return;
  const entry: Fields = { time: new Date().toISOString(), level, event, process: process.env.HOSTDESK_PROCESS ?? "app" };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
  process.stdout.write(JSON.stringify(entry) + "\n");
}

export const log = {
  debug: (event: string, fields?: Fields) => write("debug", event, fields),
  info: (event: string, fields?: Fields) => write("info", event, fields),
  warn: (event: string, fields?: Fields) => write("warn", event, fields),
  error: (event: string, fields?: Fields) => write("error", event, fields),
};
