// A real HTTP server on loopback that receives webhooks and verifies each one with the
// `standardwebhooks` package, as an integrator would. `answer` decides each response.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  verified: boolean;
  verifyError: string | null;
  at: number;
  /** The W3C trace context header, when the sender passed one on. */
  traceparent: string | null;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (to make the sender time out). */
  hang?: boolean;
}

export async function startReceiver(
  options: { secrets?: () => string[]; answer?: (received: Received, count: number) => Answer | Promise<Answer> } = {},
) {
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      let verified = false;
      let verifyError: string | null = null;
      const secrets = options.secrets?.() ?? [];
      for (const secret of secrets) {
        try {
          new Webhook(secret).verify(body, headers);
          verified = true;
          break;
        } catch (error) {
          verifyError = (error as Error).message;
        }
      }
      let json: Received["json"];
      try {
        json = JSON.parse(body) as Received["json"];
      } catch {
        json = { id: "", type: "", createdAt: "", data: {} };
      }
      const entry: Received = {
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
        body,
        json,
        verified,
        verifyError: verified ? null : verifyError,
        at: Date.now(),
        traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : null,
      };
      received.push(entry);
      void Promise.resolve(options.answer ? options.answer(entry, received.length) : { status: 200, body: "ok" }).then((answer) => {
        if (answer.hang) {
          hanging.add(res);
          return;
        }
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
