// The webhook worker's ear: one connection of its own (not from the request pool) doing LISTEN on the
// outbox channel, so an idle worker starts on a commit instead of on its next poll. It never throws: a
// dropped connection is reopened with back-off (0.25 s, 0.5 s, … 30 s), and the worker polls meanwhile.
// `trusted` turns true only once a probe notification, sent through the pool after LISTEN, came back:
// behind a proxy that drops notifications it stays false and the worker keeps its normal poll. The
// embedded database relays notifications to listening connections as PostgreSQL does (embedded-notifications.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { OUTBOX_CHANNEL } from "./outbox-notifications";

export interface OutboxListenerOptions {
  pool: pg.Pool;
  /** Called on every notification (with its payload), and whenever one may have been missed (connected again, connection lost). */
  onWake: (payload?: string) => void;
  log: (message: string) => void;
}

export class OutboxListener {
  private client: pg.Client | null = null;
  private closed = true;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private probe: string | null = null;
  /** Notifications reach this worker (the probe came back on the connection now open). */
  trusted = false;

  constructor(private readonly options: OutboxListenerOptions) {}

  start(): void {
    if (!this.closed) return;
    this.closed = false;
    void this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.trusted = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    if (client) await endQuietly(client);
  }

  private async connect(): Promise<void> {
    const { pool } = this.options;
    const client = new pg.Client(pool.options);
    this.client = client;
    client.on("notification", (message) => this.received(message.channel, message.payload));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.closed || this.client !== client) return;
      this.probe = randomUUID();
      await pool.query("SELECT pg_notify($1, $2)", [OUTBOX_CHANNEL, this.probe]);
      if (this.failures > 0) this.options.log("listening for new webhook work again");
      this.failures = 0;
      // Work committed while nobody listened sent its notification to no one: look now.
      this.options.onWake();
    } catch (error) {
      this.lost(client, error);
    }
  }

  private received(channel: string | undefined, payload: string | undefined): void {
    if (channel !== OUTBOX_CHANNEL) return;
    if (payload && payload === this.probe) {
      this.trusted = true;
      return;
    }
    this.options.onWake(payload);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.trusted = false;
    this.probe = null;
    void endQuietly(client);
    if (this.closed) return;
    this.failures += 1;
    const delay = Math.min(30_000, 250 * 2 ** (this.failures - 1));
    this.options.log(
      `listening connection lost (${error instanceof Error ? error.message : String(error)}); polling, and listening again in ${delay} ms`,
    );
    this.options.onWake();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) void this.connect();
    }, delay);
  }
}

async function endQuietly(client: pg.Client): Promise<void> {
  client.removeAllListeners();
  client.on("error", () => undefined);
  await client.end().catch(() => undefined);
}
