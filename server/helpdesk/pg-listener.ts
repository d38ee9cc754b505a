import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseUrl } from "@/db/client";
import { log } from "@/server/log";

/**
 * One LISTEN connection per process, shared by every subscriber: a browser tab watching the queue
 * costs an event listener, not a Postgres connection. NOTIFY fans out through Postgres, so a change
 * made in one web process reaches the desks served by every other. If the connection drops it is
 * re-made after a pause; events sent meanwhile are lost, so each channel then gets `{ kind: "resync" }`.
 */
class PgListener extends EventEmitter {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Set<string>();
  private connectedBefore = false;

  constructor(private readonly url: () => string) {
    super();
    this.setMaxListeners(0);
  }

  async listen(channel: string): Promise<void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    this.channels.add(channel);
    await this.connect();
    await this.client?.query(`listen ${channel}`);
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url() });
      client.on("notification", (message) => {
        if (!message.payload) return;
        try {
          this.emit(message.channel, JSON.parse(message.payload));
        } catch (error) {
          log.warn("notify.bad_payload", { channel: message.channel, error });
        }
      });
      client.on("error", (error) => {
        if (this.client !== client) return;
        log.warn("notify.connection_lost", { error });
        this.client = null;
        void client.end().catch(() => undefined);
        setTimeout(() => void this.reconnect(), 1000).unref();
      });
      await client.connect();
      for (const channel of this.channels) await client.query(`listen ${channel}`);
      this.client = client;
      // Anything sent while the connection was down is lost: tell every channel's listeners to re-read.
      if (this.connectedBefore) for (const channel of this.channels) this.emit(channel, { kind: "resync" });
      this.connectedBefore = true;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Ends the connection for good (tests, shutdown). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.channels.clear();
    client?.removeAllListeners("error");
    await client?.end().catch(() => undefined);
  }

  private async reconnect(): Promise<void> {
    try {
      await this.connect();
    } catch {
      setTimeout(() => void this.reconnect(), 2000).unref();
    }
  }
}

const holder = globalThis as unknown as { __hostdeskListener?: PgListener };

export function pgListener(): PgListener {
  return (holder.__hostdeskListener ??= new PgListener(databaseUrl));
}

export async function closePgListener(): Promise<void> {
  await holder.__hostdeskListener?.close();
  holder.__hostdeskListener = undefined;
}
