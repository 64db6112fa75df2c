// Validation messages as each audience reads them: the schemas are shared by /api/v1 and the dashboard's
// forms, and an integrator reading `details` must see the field and the constraint ("roomId is
// required"), while the front desk's form keeps its own words ("Choose a room").
import { describe, expect, it } from "vitest";
import { V1_HANDLERS } from "../../app/api/v1/openapi.json/v1-handlers";
import * as conversationsRoute from "../../app/api/v1/conversations/route";
import * as guestsRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import * as streamRoute from "../../app/api/v1/events/stream/route";
import type { V1Handler } from "../../lib/api/v1-route";
import { parseActionInput } from "../../lib/actions/property-action";
import { actionFailure } from "../../lib/errors/action-result";
import { parseCreateReservationForm } from "../../lib/reservations/schemas";
import { createEndpointInput, endpointFormWording } from "../../lib/webhooks/schemas";
import { call, type RouteHandler } from "../api-client";
import { propertyWithKey } from "../api-fixtures";

type Refusal = { code: string; details: { path: string; message: string }[] };
const post = async (handler: RouteHandler, path: string, key: string, body: unknown) => {
  const answer = await call(handler, { method: "POST", path, key, body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  return (answer.body as Refusal).details;
};
const failureOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return actionFailure(error);
  }
  throw new Error("parsed");
};

describe("validation messages on /api/v1", () => {
  it("name the field and the constraint: a missing or blank roomId is 'roomId is required', not the form's 'Choose a room'", async () => {
    const { key } = await propertyWithKey(["full_access:write"], 1);
    const stay = {
      guest: { firstName: "Ada", lastName: "Lovelace" },
      arrivalDate: "2031-07-01",
      departureDate: "2031-07-03",
      adults: 1,
      totalAmount: 100,
    };
    for (const roomId of [undefined, "", "   "])
      expect(await post(reservationsRoute.POST, "/api/v1/reservations", key, { ...stay, roomId })).toEqual([
        { path: "roomId", message: "roomId is required" },
      ]);

    const wrong = await post(reservationsRoute.POST, "/api/v1/reservations", key, {
      guest: { firstName: " ", lastName: "Lovelace", email: "not-an-email" },
      roomId: "room_1",
      arrivalDate: "2031-07-01",
      departureDate: "2031-07-03",
      adults: "two",
      children: 1.5,
      totalAmount: 10.5,
      colour: "blue",
    });
    expect(wrong).toEqual(
      expect.arrayContaining([
        { path: "guest.firstName", message: "guest.firstName is required" },
        { path: "guest.email", message: "guest.email must be an email address" },
        { path: "adults", message: "adults must be a number" },
        { path: "children", message: "children must be a whole number" },
        { path: "", message: 'The body has unknown field "colour"' },
      ]),
    );
    // A query's fields are parameters, not the body's.
    const query = await call(streamRoute.GET, { path: "/api/v1/events/stream?foo=1", key });
    expect(query.status).toBe(400);
    expect((query.body as Refusal).details).toEqual([{ path: "", message: 'The query has unknown parameter "foo"' }]);

    const crowd = await post(reservationsRoute.POST, "/api/v1/reservations", key, { ...stay, roomId: "room_1", adults: 21 });
    expect(crowd).toEqual([{ path: "adults", message: "adults must be at most 20" }]);

    expect(await post(guestsRoute.POST, "/api/v1/guests", key, { firstName: "Ada", lastName: "L", email: "x", phone: "1" })).toEqual([
      { path: "email", message: "email must be an email address" },
      { path: "phone", message: "phone must have at least 3 characters" },
    ]);
    expect(await post(endpointsRoute.POST, "/api/v1/webhook-endpoints", key, { url: "", eventTypes: [] })).toEqual([
      { path: "url", message: "url is required" },
      { path: "eventTypes", message: "eventTypes is required" },
    ]);
    expect(await post(conversationsRoute.POST, "/api/v1/conversations", key, {})).toEqual([
      { path: "guestId", message: "guestId is required" },
      { path: "channel", message: 'channel must be one of "EMAIL", "SMS", "WHATSAPP", "WEB_CHAT", "BOOKING_COM", "AIRBNB"' },
    ]);
  });

  it("every body-taking operation answers an empty body and fields of the wrong type with messages that name the field", async () => {
    const { key } = await propertyWithKey(["full_access:write"], 1);
    const unnamed: string[] = [];
    for (const handler of V1_HANDLERS as V1Handler[]) {
      const { body, method, path, operationId } = handler.definition;
      const shape = (body as { shape?: Record<string, unknown> } | undefined)?.shape;
      if (!shape) continue;
      const concrete = path.replace(/\{[^}]+\}/g, "x");
      const wrongTypes = Object.fromEntries(Object.keys(shape).map((field) => [field, { not: "this" }]));
      for (const payload of [{}, wrongTypes]) {
        const answer = await call(handler as unknown as RouteHandler, {
          method,
          path: `/api/v1${concrete}`,
          key,
          params: { id: "x" },
          body: payload,
        });
        if (answer.status !== 400) continue; // e.g. an update with nothing required that finds no record
        for (const detail of (answer.body as Refusal).details ?? [])
          if (detail.path && !detail.message.includes(detail.path)) unnamed.push(`${operationId} ${detail.path}: ${detail.message}`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});

describe("validation messages in the dashboard's forms", () => {
  it("keep the form's words: 'Choose a room', 'Enter the number of adults', 'Choose at least one event'", () => {
    const reservation = failureOf(() =>
      parseCreateReservationForm({
        firstName: "",
        lastName: "B",
        roomId: "",
        arrivalDate: "2031-07-01",
        departureDate: "2031-07-03",
        adults: "",
        amount: "",
      }),
    );
    expect(reservation).toMatchObject({
      ok: false,
      fields: {
        roomId: ["Choose a room"],
        adults: ["Enter the number of adults"],
        "guest.firstName": ["First name is required"],
        amount: ["Enter an amount such as 129.00"],
      },
    });
    expect(
      failureOf(() =>
        parseCreateReservationForm({
          firstName: "A",
          lastName: "B",
          roomId: "r",
          arrivalDate: "2031-07-01",
          departureDate: "2031-07-03",
          adults: "1.5",
          amount: "1",
        }),
      ),
    ).toMatchObject({ fields: { adults: ["Whole adults only"] } });

    const endpoint = failureOf(() =>
      parseActionInput(createEndpointInput, { url: "", eventTypes: [], retrySchedule: "forever" }, endpointFormWording),
    );
    expect(endpoint).toMatchObject({
      fields: { url: ["Enter the endpoint URL"], eventTypes: ["Choose at least one event"], retrySchedule: ["standard or extended"] },
    });
    expect(
      failureOf(() => parseActionInput(createEndpointInput, { url: "https://x.example", eventTypes: ["nope"] }, endpointFormWording)),
    ).toMatchObject({
      fields: { "eventTypes.0": ["Unknown event type"] },
    });
  });
});
