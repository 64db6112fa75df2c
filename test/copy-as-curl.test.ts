// The copied command, run by a real shell with PMS_API_KEY set, sends that key (and the logged body).
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { RequestLogDetail } from "@/lib/request-logs/list-request-logs";
import { curlFor } from "@/components/request-logs/curl";

describe("Copy as curl", () => {
  it("lets the shell substitute $PMS_API_KEY and $PMS_PARTNER_KEY, and keeps the body as logged", async () => {
    const seen: { headers: Record<string, string | string[] | undefined>; body: string; url: string }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        seen.push({ headers: request.headers, body, url: request.url ?? "" });
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const entry = {
      method: "POST",
      path: "/api/v1/reservations",
      query: { expand: "guest" },
      partnerName: "Channel Co",
      requestHeaders: { "content-type": "application/json", "idempotency-key": "k-1", authorization: "Bearer [redacted]" },
      requestBody: `{"notes":"it's $HOME"}`,
    } as unknown as RequestLogDetail;
    try {
      await promisify(execFile)("bash", ["-c", curlFor(entry, origin)], {
        env: { ...process.env, PMS_API_KEY: "pms_test_abc123", PMS_PARTNER_KEY: "pk_partner" },
      });
    } finally {
      server.close();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBe("Bearer pms_test_abc123");
    expect(seen[0]!.headers["x-api-key"]).toBe("pk_partner");
    expect(seen[0]!.headers["idempotency-key"]).toBe("k-1");
    expect(seen[0]!.url).toBe("/api/v1/reservations?expand=guest");
    // Single quotes keep the logged body exactly: no substitution inside it.
    expect(seen[0]!.body).toBe(`{"notes":"it's $HOME"}`);
  });
});
