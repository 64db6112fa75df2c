import { describe, expect, it } from "vitest";
import { disableTwoFactorInput, sessionRef } from "../account/schemas";
import { rollApiKeyInput, updateApiKeyDetailsInput } from "../api-keys/schemas";
import { actionFailure } from "../errors/action-result";
import { changeMemberRoleInput, removeMemberInput, revokeInvitationInput } from "../team/schemas";
import { createEndpointInput } from "../webhooks/schemas";
import { revokeApiKeyAction } from "./api-keys";
import { changeReservationStatusAction, eraseGuestAction } from "./reservations";
import { parseActionInput, type InputParser } from "./property-action";
import { deleteWebhookEndpointAction } from "./webhooks";

// What the database cannot hold: PostgreSQL text refuses NUL, and a lone surrogate breaks Prisma's JSON.
const UNSTORABLE = ["a\u0000b", "\ud800", "x\udfff"];

const failureOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return actionFailure(error);
  }
  throw new Error("parsed");
};

describe("a server action's input", () => {
  it("answers a property slug the database cannot hold with the field's message, not 'Something went wrong'", async () => {
    for (const slug of UNSTORABLE) {
      for (const answer of [
        await revokeApiKeyAction(slug, { keyId: "key_1" }),
        await changeReservationStatusAction(slug, { reservationId: "res_1", transition: "check_in" }),
        await eraseGuestAction(slug, { guestId: "g_1", reservationId: "res_1" }),
        await deleteWebhookEndpointAction(slug, { endpointId: "we_1" }),
      ])
        expect(answer).toEqual({
          ok: false,
          message: "Please correct the highlighted fields.",
          fields: { property: ["No such property."] },
        });
    }
  });

  it("refuses every id the database cannot hold, with that id's field message", () => {
    const cases: { schema: InputParser<unknown>; input: (id: string) => object; field: string; message: string }[] = [
      { schema: sessionRef, input: (id: string) => ({ sessionId: id }), field: "sessionId", message: "No such session." },
      {
        schema: revokeInvitationInput,
        input: (id: string) => ({ invitationId: id }),
        field: "invitationId",
        message: "No such invitation.",
      },
      { schema: removeMemberInput, input: (id: string) => ({ memberId: id }), field: "memberId", message: "No such member." },
      {
        schema: changeMemberRoleInput,
        input: (id: string) => ({ memberId: id, role: "STAFF" }),
        field: "memberId",
        message: "No such member.",
      },
      { schema: rollApiKeyInput, input: (id: string) => ({ keyId: id, grace: "now" }), field: "keyId", message: "No such key." },
      { schema: updateApiKeyDetailsInput, input: (id: string) => ({ keyId: id, name: "Key" }), field: "keyId", message: "No such key." },
    ];
    for (const { schema, input, field, message } of cases) {
      for (const id of UNSTORABLE) {
        // The schema alone refuses it (forms and routes share it) …
        expect(
          failureOf(() => schema.parse(input(id))),
          `${field} ${JSON.stringify(id)}`,
        ).toMatchObject({ fields: { [field]: [message] } });
        // … and so does the actions' wrapper, before the schema.
        expect(failureOf(() => parseActionInput(schema, input(id)))).toMatchObject({
          ok: false,
          fields: { [field]: [expect.any(String)] },
        });
      }
    }
  });

  it("refuses text the database cannot hold in any field, a form's too, as a field error", () => {
    // FormData keeps a NUL (it turns lone surrogates into U+FFFD itself).
    const form = new FormData();
    form.set("description", "a\u0000b");
    expect(failureOf(() => parseActionInput(createEndpointInput, form))).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fields: { description: ["Text may not contain NUL (\\u0000) characters or unpaired UTF-16 surrogates"] },
    });
    expect(failureOf(() => parseActionInput(disableTwoFactorInput, { code: "abcde\u0000fghjk" }))).toMatchObject({
      fields: { code: [expect.any(String)] },
    });
    expect(
      failureOf(() => parseActionInput(createEndpointInput, { url: "https://a.example", eventTypes: ["*"], description: "\ud83d" })),
    ).toMatchObject({
      fields: { description: [expect.any(String)] },
    });
  });
});
