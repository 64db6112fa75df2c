import { describe, expect, it } from "vitest";
import * as messages from "../app/api/bench/floor/conversations/[id]/messages/route";
import * as properties from "../app/api/bench/floor/properties/route";
import * as reservation from "../app/api/bench/floor/reservations/[id]/route";
import * as reservations from "../app/api/bench/floor/reservations/route";
import { env } from "../lib/env";

const base = "http://localhost/api/bench/floor";
const params = Promise.resolve({ id: "anything" });

describe("the benchmark's floor routes on a server without PMS_BENCH", () => {
  it("answer 404 NOT_FOUND, as a path with no endpoint does", async () => {
    expect(env().PMS_BENCH).toBe(false);
    const calls = [
      { path: "/properties", answer: properties.GET(new Request(`${base}/properties?slug=grand-hotel`), undefined) },
      { path: "/reservations", answer: reservations.GET(new Request(`${base}/reservations?property=p&limit=25`), undefined) },
      { path: "/reservations/anything", answer: reservation.GET(new Request(`${base}/reservations/anything?property=p`), { params }) },
      {
        path: "/conversations/anything/messages",
        answer: messages.POST(
          new Request(`${base}/conversations/anything/messages?property=p`, { method: "POST", body: '{"body":"hi"}' }),
          {
            params,
          },
        ),
      },
    ];
    for (const call of calls) {
      const answer = await call.answer;
      expect(answer.status).toBe(404);
      const method = call.path.endsWith("/messages") ? "POST" : "GET";
      expect(await answer.json()).toMatchObject({
        status: "error",
        code: "NOT_FOUND",
        message: `No endpoint ${method} /api/bench/floor${call.path}.`,
      });
    }
  });
});
