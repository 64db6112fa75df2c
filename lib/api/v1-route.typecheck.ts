// Compiled by `npm run check`, never run: a v1Route handler must answer the shape its `response`
// declares. Each @ts-expect-error below marks a wrong shape the compiler must refuse (on the line it
// reports); if one ever compiled, the unused directive itself would be the error. (TypeScript does not check a returned literal for
// extra fields here; serializers declare their resource type, which does, and the contract tests hold
// every answer to the strict schema.)
import { z } from "zod";
import { listOf, single } from "./envelope";
import { reply, v1Route } from "./v1-route";

const thing = z.strictObject({ id: z.string(), count: z.number().int(), at: z.iso.datetime() });
const base = { operationId: "probe", summary: "Probe", tag: "Probe", scope: "property:read" } as const;

export const right = v1Route({ ...base, method: "GET", path: "/things/{id}", response: single(thing) }, ({ params }) => ({
  data: { id: params.id, count: 1, at: "2026-11-23T10:00:00.000Z" },
}));

export const rightList = v1Route({ ...base, method: "GET", path: "/things", response: listOf(thing) }, async () => ({
  data: [],
  nextCursor: null,
}));

export const rightReply = v1Route(
  { ...base, method: "POST", path: "/things", response: single(thing), otherStatuses: [{ status: 201, description: "Created" }] },
  () => reply(201, { data: { id: "t", count: 1, at: "2026-11-23T10:00:00.000Z" } }),
);

export const wrongType = v1Route({ ...base, method: "GET", path: "/things/{id}", response: single(thing) }, () => ({
  // @ts-expect-error a field of the wrong type (count is a number)
  data: { id: "t", count: "1", at: "2026-11-23T10:00:00.000Z" },
}));

// @ts-expect-error a missing field (at)
export const missingField = v1Route({ ...base, method: "GET", path: "/things/{id}", response: single(thing) }, async () => ({
  data: { id: "t", count: 1 },
}));

export const wrongEnvelope = v1Route({ ...base, method: "GET", path: "/things", response: single(thing) }, () => ({
  // @ts-expect-error a list answered where one resource is declared
  data: [],
  nextCursor: null,
}));

// @ts-expect-error the list's page without its cursor
export const missingCursor = v1Route({ ...base, method: "GET", path: "/things", response: listOf(thing) }, () => ({ data: [] }));

export const wrongReply = v1Route({ ...base, method: "POST", path: "/things", response: single(thing) }, () =>
  // @ts-expect-error a reply with another status must keep the documented shape
  reply(201, { data: { id: "t" } }),
);
