import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as oneReservation from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { createPartner } from "../../lib/partners/partners";
import { db } from "../../lib/db/client";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";
import { REDACTED } from "../../lib/request-logs/redact";

async function logsOf(propertyId: string) {
  await flushRequestLogs();
  return db.requestLog.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });
}

const encoded = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).join("");

describe("request log redaction", () => {
  it("keeps no secret in any column: path, query, headers, user agent, bodies, error text, glued to letters or percent-encoded", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const { key: partnerKey } = await createPartner({ name: "Redaction partner" });
    const signingSecret = `whsec_${randomBytes(32).toString("base64")}`;
    const secrets = [key, partnerKey, signingSecret];
    const glued = `abc${key}xyz`;

    const requests = [
      // The query string: as a value, glued to letters, as a parameter name, and with the secret's '+' and '/' as sent.
      call(reservationsRoute.GET, {
        key,
        path: `/api/v1/reservations?note=${glued}&${key}=1&p=x${partnerKey}y&s=${signingSecret}&e=${encoded(key)}`,
      }),
      // The URL path: plain, glued, and percent-encoded (the id is echoed in the 404's message).
      call(oneReservation.GET, { key, params: { id: key }, path: `/api/v1/reservations/${key}` }),
      call(oneReservation.GET, { key, params: { id: glued }, path: `/api/v1/reservations/${glued}` }),
      call(oneReservation.GET, { key, params: { id: key }, path: `/api/v1/reservations/${encoded(key)}` }),
      // Headers: the user agent, any other header's value, a referer with an encoded key, a header named after one.
      call(reservationsRoute.GET, {
        key,
        headers: {
          "user-agent": `acme-sync/2.1 (${glued})`,
          "x-note": `token:${partnerKey}!`,
          referer: `https://partner.example/?k=${encoded(key)}`,
          [`x-${key}`]: "1",
          "x-api-key": partnerKey,
        },
      }),
      // Bodies: a value glued to letters, a secret as a field name (echoed in the 400's details), a non-JSON body.
      call(reservationsRoute.POST, {
        method: "POST",
        key,
        body: { roomId: rooms[0]!.id, notes: `copy of ${glued}`, [`abc${key}`]: 1, hook: signingSecret },
      }),
    ];
    const answers: { status: number; headers: Headers; text: string }[] = [];
    for (const request of requests) answers.push(await request);
    const raw = await reservationsRoute.POST(
      new Request("http://localhost/api/v1/reservations", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "idempotency-key": crypto.randomUUID(), "content-type": "text/plain" },
        body: `token=${glued}&secret=${encodeURIComponent(signingSecret)}`,
      }),
    );
    answers.push({ status: raw.status, headers: raw.headers, text: await raw.text() });

    const logs = await logsOf(property.id);
    expect(logs).toHaveLength(answers.length);
    for (const log of logs) {
      const row = JSON.stringify(log).toLowerCase();
      for (const secret of secrets) expect(row, `${log.method} ${log.path} keeps a secret`).not.toContain(secret.toLowerCase());
    }
    // What is not secret stays readable.
    const entry = (index: number) => logs.find((l) => l.id === answers[index]!.headers.get("x-request-id"))!;
    expect(entry(0).query).toMatchObject({ note: `abc${REDACTED}xyz`, p: `x${REDACTED}y` });
    expect(entry(2).path).toBe(`/api/v1/reservations/abc${REDACTED}xyz`);
    expect(entry(3).path).toBe(`/api/v1/reservations/${REDACTED}`);
    expect(entry(4).userAgent).toBe(`acme-sync/2.1 (abc${REDACTED}xyz)`);
    expect(entry(4).requestHeaders).toMatchObject({ "x-note": `token:${REDACTED}!`, [`x-${REDACTED}`]: "1" });
  });
});
