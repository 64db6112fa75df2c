// Forwards a property's events to a local server while you develop, as webhooks would send them:
//   npm run listen -- --api-url http://localhost:3000 --api-key pms_test_… --forward-to http://localhost:4000/hooks [--events reservation.*,guest.*]
// It reads GET /api/v1/events/stream (Server-Sent Events) and POSTs each event to --forward-to, signed
// the Standard Webhooks way with a whsec_ secret derived from the key (printed at start, the same every
// time for that key), one line per event with the local answer. The last event forwarded is kept in a
// state file, so a restart resumes after it: nothing is lost while it was stopped. A lost connection is
// resumed the same way. Ctrl-C lets the event being forwarded finish, saves the position and exits 0.
import { createHash, createHmac } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { Webhook } from "standardwebhooks";
import { env } from "../lib/env";

const USAGE = `Usage:
  npm run listen -- --forward-to <url> [--api-url <url>] [--api-key <key>] [--events <type,type.*>] [--state-file <path>]

  --forward-to   where to POST each event, e.g. http://localhost:4000/hooks
  --api-url      the PMS (default http://localhost:3000)
  --api-key      an API key with events:read (default: the PMS_API_KEY environment variable)
  --events       only these event types, comma-separated; "reservation.*" names a family (default: all)
  --state-file   where the last forwarded event is kept (default ~/.pms-listen.json)`;

/** --help: the usage on standard output, and success. */
class HelpRequested extends Error {}

class UsageError extends Error {}

const FORWARD_TIMEOUT_MS = 15_000;

/** The signing secret for `apiKey`: derived from it, so it is the same on every start and never sent anywhere. */
function listenSecret(apiKey: string): string {
  return `whsec_${createHmac("sha256", apiKey).update("pms listen signing secret").digest("base64")}`;
}

/** A stable webhook-id per event, of the same form as a real delivery's, so a receiver's dedupe works as in production. */
const webhookId = (eventId: string) => `msg_${createHash("sha256").update(eventId).digest("hex").slice(0, 32)}`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      "forward-to": { type: "string" },
      "api-url": { type: "string", default: "http://localhost:3000" },
      "api-key": { type: "string" },
      events: { type: "string" },
      "state-file": { type: "string", default: path.join(homedir(), ".pms-listen.json") },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) throw new HelpRequested();
  const url = (name: string, value: string | undefined) => {
    if (!value) throw new UsageError(`--${name} is required`);
    try {
      const parsed = new URL(value);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed;
    } catch {
      // reported below
    }
    throw new UsageError(`--${name} must be an http(s) URL, not ${JSON.stringify(value)}`);
  };
  const apiKey = values["api-key"] ?? env().PMS_API_KEY;
  if (!apiKey) throw new UsageError("--api-key (or the PMS_API_KEY environment variable) is required");
  return {
    forwardTo: url("forward-to", values["forward-to"]),
    streamUrl: new URL("/api/v1/events/stream", url("api-url", values["api-url"])),
    apiKey,
    events: values.events?.trim() || null,
    stateFile: path.resolve(values["state-file"]),
  };
}

/** Positions are kept per API server and key (by a hash of the key: the file never holds it). */
class StateFile {
  constructor(
    private readonly file: string,
    private readonly slot: string,
  ) {}

  async read(): Promise<string | null> {
    try {
      const state = JSON.parse(await readFile(this.file, "utf8")) as Record<string, { lastEventId?: string }>;
      return state[this.slot]?.lastEventId ?? null;
    } catch {
      return null;
    }
  }

  async write(lastEventId: string): Promise<void> {
    let state: Record<string, unknown> = {};
    try {
      state = JSON.parse(await readFile(this.file, "utf8")) as Record<string, unknown>;
    } catch {
      // a first start, or a file that is not ours: start it afresh
    }
    state[this.slot] = { lastEventId, savedAt: new Date().toISOString() };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
    await rename(temporary, this.file);
  }
}

const clock = () => new Date().toTimeString().slice(0, 8);
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/** Refusals a reconnect would only repeat: the command line or the key must change. */
class Fatal extends Error {}

async function main(argv: string[]): Promise<number> {
  const settings = options(argv);
  const webhook = new Webhook(listenSecret(settings.apiKey));
  const fingerprint = createHash("sha256").update(settings.apiKey).digest("hex").slice(0, 16);
  const state = new StateFile(settings.stateFile, `${settings.streamUrl.origin} ${fingerprint}`);
  let lastEventId = await state.read();

  const stop = new AbortController();
  let stream: AbortController | null = null;
  let stoppedAt = 0;
  const onSignal = () => {
    // Ctrl-C in a terminal signals npm, tsx and this process at once, and they pass it on: copies that
    // come within a second are the same Ctrl-C. A later one quits without waiting.
    if (stop.signal.aborted) {
      if (Date.now() - stoppedAt > 1_000) process.exit(130);
      return;
    }
    stoppedAt = Date.now();
    stop.abort();
    stream?.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  say(`Forwarding events to ${settings.forwardTo.href}${settings.events ? ` (only ${settings.events})` : ""}`);
  say(`Your webhook signing secret is ${listenSecret(settings.apiKey)} (the same on every start with this key)`);
  say(lastEventId ? `Resuming after ${lastEventId}` : "Starting with the next event");

  const forward = async (message: EventSourceMessage) => {
    const started = performance.now();
    const id = webhookId(message.id!);
    const timestamp = new Date();
    let outcome: string;
    try {
      const answer = await fetch(settings.forwardTo, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "pms-listen",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": webhook.sign(id, timestamp, message.data),
        },
        body: message.data,
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
      await answer.arrayBuffer().catch(() => undefined);
      outcome = `${answer.status} ${answer.statusText}`.trim();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      outcome = `failed: ${cause ?? (error instanceof Error ? error.message : String(error))}`;
    }
    say(`${clock()}  ${message.event}  ${message.id}  → ${outcome} (${Math.round(performance.now() - started)} ms)`);
  };

  let failures = 0;
  while (!stop.signal.aborted) {
    stream = new AbortController();
    let connected = false;
    try {
      const url = new URL(settings.streamUrl);
      if (settings.events) url.searchParams.set("types", settings.events);
      const response = await fetch(url, {
        headers: {
          authorization: `Bearer ${settings.apiKey}`,
          accept: "text/event-stream",
          ...(lastEventId ? { "last-event-id": lastEventId } : {}),
        },
        signal: stream.signal,
      });
      if (!response.ok || !response.body) {
        const text = await response.text().catch(() => "");
        let detail = text.slice(0, 500);
        try {
          const error = JSON.parse(text) as { code?: string; message?: string; details?: unknown };
          detail = `${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ""}`;
        } catch {
          // not our error body: show it as it came
        }
        if (response.status === 429 || response.status >= 500) throw new Error(`${response.status} ${detail}`);
        throw new Fatal(`The stream was refused (${response.status}) ${detail}`);
      }
      connected = true;
      failures = 0;
      // Events are forwarded one at a time, in order; the position is saved after each one.
      let queue = Promise.resolve();
      const parser = createParser({
        onEvent: (message) => {
          queue = queue.then(async () => {
            if (!message.id) return;
            if (message.event === "ready") {
              if (!lastEventId) await state.write(message.id);
              lastEventId = message.id;
              say(`Connected to ${settings.streamUrl.origin}; waiting for events (Ctrl-C stops)`);
              return;
            }
            await forward(message);
            lastEventId = message.id;
            await state.write(message.id);
          });
        },
      });
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parser.feed(decoder.decode(chunk.value, { stream: true }));
        await queue;
      }
      await queue;
      if (!stop.signal.aborted) throw new Error("the server closed the stream");
    } catch (error) {
      if (error instanceof Fatal) {
        say(error.message);
        return 1;
      }
      if (stop.signal.aborted) break;
      failures = connected ? 1 : failures + 1;
      const delay = Math.min(30_000, 500 * 2 ** (failures - 1));
      say(`${clock()}  connection lost (${error instanceof Error ? error.message : String(error)}); resuming in ${delay / 1000} s`);
      await sleep(delay, stop.signal);
    }
  }
  say(lastEventId ? `Stopped. The next start resumes after ${lastEventId}.` : "Stopped.");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof HelpRequested) {
      console.log(USAGE);
      process.exit(0);
    }
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
