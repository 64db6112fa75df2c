// One HTTP attempt: POST the signed body, wait at most `timeoutMs` for the whole answer, keep the
// response's first 32 KB, never follow a redirect, and (unless private networks are allowed) connect
// only to public addresses, checked at connection time.
import http from "node:http";
import https from "node:https";
import { forbiddenAddressReason, guardedLookup, systemResolver, type Resolver } from "./url-guard";

export const MAX_RESPONSE_BYTES = 32 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const USER_AGENT = "PMS-Webhooks/1.0 (+https://www.standardwebhooks.com)";

export interface AttemptRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface AttemptResult {
  startedAt: Date;
  durationMs: number;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
}

export interface SendOptions {
  timeoutMs?: number;
  allowPrivate: boolean;
  resolve?: Resolver;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

export function requestHeaders(signed: Record<string, string>): Record<string, string> {
  return { "content-type": "application/json", "user-agent": USER_AGENT, ...signed };
}

export function sendAttempt(request: AttemptRequest, options: SendOptions): Promise<AttemptResult> {
  const startedAt = new Date();
  const started = performance.now();
  const finish = (partial: Omit<AttemptResult, "startedAt" | "durationMs">): AttemptResult => ({
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ...partial,
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      resolve(finish({ status: null, headers: null, body: null, error: "Invalid URL" }));
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An IP literal is connected to without a lookup, so it is checked here; names in the lookup.
    const literal = options.allowPrivate ? null : forbiddenAddressReason(host);
    if (literal) {
      resolve(finish({ status: null, headers: null, body: null, error: `Refused: ${literal}` }));
      return;
    }
    const isHttps = url.protocol === "https:";
    if (!isHttps && !options.allowPrivate) {
      resolve(finish({ status: null, headers: null, body: null, error: "Refused: the URL must use https://" }));
      return;
    }
    const payload = Buffer.from(request.body);
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = (isHttps ? https : http).request(url, {
      method: "POST",
      agent: isHttps ? agents.https : agents.http,
      headers: { ...request.headers, "content-length": String(payload.length) },
      ...(options.allowPrivate ? {} : { lookup: guardedLookup(options.resolve ?? systemResolver) as never }),
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => {
      req.destroy();
      settle(finish({ status: null, headers: null, body: null, error: `Timed out after ${timeoutMs / 1000} s` }));
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      const message =
        error.code === "EFORBIDDENADDRESS" ? `Refused: ${error.message}` : `${error.code ? `${error.code}: ` : ""}${error.message}`;
      settle(finish({ status: null, headers: null, body: null, error: message }));
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let cut = false;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const done = () => {
        const bytes = Buffer.concat(chunks);
        const body = cut
          ? `${bytes
              .subarray(0, MAX_RESPONSE_BYTES)
              .toString("utf8")
              .replace(/\uFFFD$/, "")}…[truncated at 32 KB]`
          : bytes.toString("utf8");
        settle(finish({ status: res.statusCode ?? null, headers, body, error: null }));
      };
      res.on("data", (chunk: Buffer) => {
        if (cut) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          cut = true;
          res.destroy();
          done();
        }
      });
      res.on("end", done);
      res.on("error", () => done());
    });
    req.end(payload);
  });
}
