import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as oneReservation from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { curlFor } from "../../components/request-logs/curl";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { createPartner } from "../../lib/partners/partners";
import { db } from "../../lib/db/client";
import { exportRequestLogsCsv } from "../../lib/request-logs/export-request-logs";
import { getRequestLog, parseRequestLogQuery } from "../../lib/request-logs/list-request-logs";
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

  it("redacts values named like secrets in the query and the path, and secrets in bodies that are not JSON, wherever the log is shown", async () => {
    const { property, rooms, key } = await propertyWithKey();
    // Values no other part of a request or answer holds, each one a secret by its name, or (in a body that
    // is not JSON) by its shape: a PIN's digits, an e-mail address.
    const secrets = ["hunter2-pw", "739164", "802213", "tok-a1b2c3", "s3cr3t-client", "sig-f00d", "ada.secret@example.com", "551122"];
    const raw = (body: string, contentType: string) =>
      reservationsRoute.POST(
        new Request("http://localhost/api/v1/reservations", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "idempotency-key": crypto.randomUUID(), "content-type": contentType },
          body,
        }),
      );
    const answers: { status: number; headers: Headers }[] = [
      // The query: secret names in any spelling (encoded, nested, camel case); the filter beside them stays.
      await call(reservationsRoute.GET, {
        key,
        path: "/api/v1/reservations?limit=5&password=hunter2-pw&p%69n=739164&apiKey=tok-a1b2c3&client_secret=s3cr3t-client&X-Amz-Signature=sig-f00d&user%5Bpassword%5D=hunter2-pw&code=802213",
      }),
      // The path: a name=value pair in a segment (the 404 echoes it); headers: a referer's query, a token header.
      await call(oneReservation.GET, {
        key,
        params: { id: "x;pin=739164" },
        path: "/api/v1/reservations/x;pin=739164",
        headers: { referer: "https://partner.example/setup?access_token=tok-a1b2c3&step=2", "x-auth-token": "tok-a1b2c3" },
      }),
      // Bodies that are not JSON: truncated JSON, form-encoded, and a truncated one whose secrets no name gives away.
      await raw(`{"roomId": "${rooms[0]!.id}", "pin": "739164", "password":"hunter2-pw",`, "application/json"),
      await raw("pin=802213&password=hunter2-pw&email=ada.secret%40example.com&note=ok", "application/x-www-form-urlencoded"),
      await raw('{"guest": {"firstName": "Ada", "email": "ada.secret@example.com", "phone": "551122', "application/json"),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 400, 415, 400]);

    const logs = await logsOf(property.id);
    expect(logs).toHaveLength(answers.length);
    const entry = (index: number) => logs.find((l) => l.id === answers[index]!.headers.get("x-request-id"))!;
    // Shown in the dashboard (the entry and its "Copy as cURL") and exported: nothing of a secret anywhere.
    const details = await Promise.all(logs.map((log) => getRequestLog(property.id, log.id)));
    const curls = details.map((detail) => curlFor(detail, "https://pms.example"));
    const csv = await new Response(exportRequestLogsCsv(property.id, parseRequestLogQuery({}))).text();
    for (const shown of [JSON.stringify(logs), JSON.stringify(details), curls.join("\n"), csv]) {
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }

    // What is not secret stays readable.
    expect(entry(0).query).toEqual({
      limit: "5",
      password: REDACTED,
      pin: REDACTED,
      apiKey: REDACTED,
      client_secret: REDACTED,
      "X-Amz-Signature": REDACTED,
      "user[password]": REDACTED,
      code: REDACTED,
    });
    expect(curls[logs.indexOf(entry(0))]).toMatch(/\?(?=.*\blimit=5\b)(?=.*\bpassword=%5BREDACTED%5D).*'/);
    expect(entry(1).path).toBe(`/api/v1/reservations/x;pin=${REDACTED}`);
    expect(entry(1).requestHeaders).toMatchObject({
      referer: `https://partner.example/setup?access_token=${REDACTED}&step=2`,
      "x-auth-token": REDACTED,
    });
    expect(entry(2).requestBody).toBe(`{"roomId": "${rooms[0]!.id}", "pin": "${REDACTED}", "password":"${REDACTED}",`);
    expect(entry(3).requestBody).toBe(`pin=${REDACTED}&password=${REDACTED}&email=${REDACTED}&note=ok`);
    expect(entry(4).requestBody).toBe(`{"guest": {"firstName": "Ada", "email": "${REDACTED}", "phone": "${REDACTED}`);
  });
});
