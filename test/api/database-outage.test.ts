// A database outage seen from outside: the app's connections go through a TCP relay that this test
// cuts (every open connection reset, new ones refused) and restores, as a restart or network loss would.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as readyRoute from "../../app/api/health/ready/route";
import * as healthRoute from "../../app/api/health/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import * as unavailableRoute from "../../app/unavailable/route";
import { call } from "../api-client";
import { authOptions } from "../../lib/auth/auth-options";
import { propertyWithKey } from "../api-fixtures";
import { closeDb, configureDatabase, databaseSettings } from "../../lib/db/client";
import { isDatabaseUnavailable } from "../../lib/db/database-unavailable";
import { actionFailure } from "../../lib/errors/action-result";

/** A loopback relay to the test database that can be cut and restored on the same port. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => Object.assign(new URL(target.toString()), { port: String(port) }).toString(),
    async cut() {
      // close() waits for open connections to end: reset them while it waits.
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const socket of sockets) socket.resetAndDestroy();
      await closed;
    },
    restore: listen,
    close: () => new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve())),
  };
}

let relay: Awaited<ReturnType<typeof startRelay>>;
let original: ReturnType<typeof databaseSettings>;

beforeAll(async () => {
  original = databaseSettings();
  relay = await startRelay(new URL(original.url));
  await closeDb();
  configureDatabase({ url: relay.url(), poolSize: original.poolSize });
});

afterAll(async () => {
  await closeDb();
  await relay.close();
  // The setup's afterAll closes this client again and drops the database through the original URL.
  configureDatabase(original);
});

describe("while the database is down", () => {
  it("answers 503 SERVICE_UNAVAILABLE with Retry-After, readiness turns red, liveness stays green; all recover", async () => {
    const { key } = await propertyWithKey();
    const list = () => call(reservationsRoute.GET, { path: "/api/v1/reservations", key });
    expect((await list()).status).toBe(200);
    expect((await readyRoute.GET()).status).toBe(200);

    await relay.cut();
    const down = await list();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "error", code: "SERVICE_UNAVAILABLE", requestId: expect.stringMatching(/^req_/) });
    expect(down.headers.get("retry-after")).toBe("5");
    const ready = await readyRoute.GET();
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toBe("5");
    expect(await ready.json()).toEqual({ status: "unavailable", database: { status: "unavailable" } });
    expect(healthRoute.GET().status).toBe(200);

    await relay.restore();
    let recovered = await list();
    for (let i = 0; i < 20 && recovered.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      recovered = await list();
    }
    expect(recovered.status).toBe(200);
    expect((await readyRoute.GET()).status).toBe(200);
  });
});

describe("the dashboard while the database is down", () => {
  it("keeps the person signed in and answers 503 with a page that says so, then goes back to the page", async () => {
    const checkSession = authOptions.callbacks!.session! as (args: { session: Session; token: JWT }) => Promise<Session>;
    const session = { expires: "2031-01-01T00:00:00.000Z", user: { id: "u1" } } as Session;
    await relay.cut();
    try {
      // The session cannot be checked: not "signed out" (which sent people to sign in), but "unavailable".
      expect(await checkSession({ session, token: { sub: "u1", sid: "s1" } })).toMatchObject({ databaseUnavailable: true });
      const page = await unavailableRoute.GET(new Request("http://localhost/unavailable?return=%2Fgrand-hotel%2Freservations"));
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      const html = await page.text();
      expect(html).toContain("We can't reach our database right now");
      expect(html).toContain('url=/grand-hotel/reservations"');
      // A crafted return address stays on the site.
      const crafted = await unavailableRoute.GET(new Request("http://localhost/unavailable?return=%2F.%2F%2Fevil.example"));
      expect(await crafted.text()).not.toContain("evil.example");
    } finally {
      await relay.restore();
    }
    let back = await unavailableRoute.GET(new Request("http://localhost/unavailable?return=%2Fgrand-hotel%2Freservations"));
    for (let i = 0; i < 20 && back.status !== 303; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await unavailableRoute.GET(new Request("http://localhost/unavailable?return=%2Fgrand-hotel%2Freservations"));
    }
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("/grand-hotel/reservations");
  });
});

describe("isDatabaseUnavailable", () => {
  it("tells an outage (also wrapped, or as a PostgreSQL state) from a bug", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    // What Prisma throws when the server drops the connection mid-query (rate limits no longer query first to hide it).
    expect(isDatabaseUnavailable(Object.assign(new Error("Server has closed the connection."), { code: "P1017" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(actionFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })).message).toMatch(
      /database is unavailable.*Nothing was saved/,
    );
  });
});
