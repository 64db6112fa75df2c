import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeAuditEvent, type DescribableEvent, type Person } from "./describe-audit-event";

const ADAM = "u_adam";
const MAYA = "u_maya";
const people = new Map<string, Person>([
  [ADAM, { name: "Adam Admin", email: "admin@demo.test" }],
  [MAYA, { name: "Maya Manager", email: "maya@demo.test" }],
]);

const byAdam = (action: string, metadata: Record<string, unknown> = {}, target: Partial<DescribableEvent> = {}): DescribableEvent => ({
  action,
  actorType: "USER",
  actorId: ADAM,
  actorLabel: "Adam Admin <admin@demo.test>",
  targetType: "thing",
  targetId: null,
  metadata,
  ...target,
});
const byMaya = (action: string, metadata: Record<string, unknown> = {}): DescribableEvent => ({
  ...byAdam(action, metadata),
  actorId: MAYA,
  actorLabel: "Maya Manager <maya@demo.test>",
  targetType: "user",
  targetId: MAYA,
});

const url = "https://hooks.example.com/pms";

// Every action recorded under lib/ today, with the metadata its call site writes, and the sentence a manager reads.
const CASES: [DescribableEvent, string][] = [
  [
    byAdam("api_key.created", { name: "Door locks", mode: "LIVE", preview: "pms_live_••••••••a1b2" }),
    "Adam Admin created the key “Door locks” (…a1b2)",
  ],
  [
    byAdam("api_key.created", { name: "Sandbox", mode: "TEST", preview: "pms_test_••••••••zz99" }),
    "Adam Admin created the test key “Sandbox” (…zz99)",
  ],
  [
    byAdam("api_key.rolled", { name: "Door locks", preview: "pms_live_••••••••c3d4", oldKeyWorksUntil: "2026-11-24T09:30:00.000Z" }),
    "Adam Admin rolled the key “Door locks”: the new key ends …c3d4, the old one works until 24 Nov 2026, 09:30 UTC",
  ],
  [
    byAdam("api_key.rolled", {
      name: "Door locks",
      preview: "pms_live_••••••••c3d4",
      grace: "now",
      oldKeyWorksUntil: "2026-11-24T09:30:00.000Z",
    }),
    "Adam Admin rolled the key “Door locks”: the new key ends …c3d4, the old one stopped working at once",
  ],
  [byAdam("api_key.revoked", { name: "Door locks", mode: "LIVE", preview: "…a1b2" }), "Adam Admin revoked the key “Door locks” (…a1b2)"],
  [
    byAdam("api_key.updated", { name: "Door locks B", previousName: "Door locks", noteChanged: true, preview: "…a1b2" }),
    "Adam Admin renamed the key “Door locks” to “Door locks B” and changed its note (…a1b2)",
  ],
  [
    byAdam("api_key.updated", { name: "Door locks", previousName: null, noteChanged: true, preview: "…a1b2" }),
    "Adam Admin changed the note of the key “Door locks” (…a1b2)",
  ],
  [
    byAdam("api_settings.updated", {
      before: { rateLimitPerSecond: 10, rateLimitBurst: 20, rateLimitPerDay: 1000, requirePartnerKey: false, logRetentionDays: 30 },
      after: { rateLimitPerSecond: 10, rateLimitBurst: 40, rateLimitPerDay: 1000, requirePartnerKey: true, logRetentionDays: 30 },
    }),
    "Adam Admin changed the API settings: burst 20 → 40, partner key required off → on",
  ],
  [
    byAdam("team_settings.updated", { before: { requireTwoFactorForManagers: false }, after: { requireTwoFactorForManagers: true } }),
    "Adam Admin required two-factor authentication for members who manage API access",
  ],
  [
    byAdam("team_settings.updated", { before: { requireTwoFactorForManagers: true }, after: { requireTwoFactorForManagers: false } }),
    "Adam Admin stopped requiring two-factor authentication for members who manage API access",
  ],
  [byAdam("member.invited", { email: "new@demo.test", role: "STAFF" }), "Adam Admin invited new@demo.test as Staff"],
  [
    byMaya("member.invitation_accepted", { email: "maya@demo.test", role: "MANAGER" }),
    "Maya Manager accepted the invitation and joined as Manager",
  ],
  [
    byAdam("member.invitation_revoked", { email: "new@demo.test", role: "STAFF" }),
    "Adam Admin withdrew the invitation of new@demo.test (Staff)",
  ],
  [byMaya("member.left", { role: "MANAGER" }), "Maya Manager left the property (was Manager)"],
  [
    byAdam("member.role_changed", { email: "maya@demo.test", from: "STAFF", to: "MANAGER" }, { targetType: "user", targetId: MAYA }),
    "Adam Admin changed Maya Manager's role from Staff to Manager",
  ],
  [
    byAdam("member.removed", { email: "gone@demo.test", role: "STAFF" }, { targetType: "user", targetId: "u_gone" }),
    "Adam Admin removed gone@demo.test (Staff) from the team",
  ],
  [byAdam("message.sent", { messageId: "m1" }), "Adam Admin sent a message to a guest"],
  [byAdam("reservation.created", { code: "GH-1001" }), "Adam Admin created reservation GH-1001"],
  [byAdam("guest.created"), "Adam Admin created a guest record"],
  [byAdam("conversation.opened"), "Adam Admin opened a conversation with a guest"],
  [byAdam("guest.erased", { rowsScrubbed: 4, storedAnswersDropped: 1 }), "Adam Admin erased a guest's personal data"],
  [
    { ...byAdam("guest.email_detached", { duplicateOf: "g_1" }), actorType: "SYSTEM" as const, actorId: null, actorLabel: "system" },
    "System removed a duplicate email from a guest record (guest g_1 keeps it)",
  ],
  [
    byAdam("payment.created", { code: "GH-1001", amount: 12000, currency: "EUR" }),
    "Adam Admin recorded a payment of €120.00 for reservation GH-1001",
  ],
  [
    byAdam("payment.refunded", { code: "GH-1001", amount: 2500, currency: "EUR" }),
    "Adam Admin refunded €25.00 of a payment for reservation GH-1001",
  ],
  [
    byAdam("access_code.created", { code: "GH-1001", lockName: "Front door" }),
    "Adam Admin issued a door code for Front door to reservation GH-1001",
  ],
  [
    byAdam("access_code.revoked", { code: "GH-1001", lockName: "Front door" }),
    "Adam Admin revoked the door code for Front door of reservation GH-1001",
  ],
  [byAdam("message.received", { messageId: "m1" }), "Adam Admin delivered a guest's message"],
  [byAdam("guest.updated", { fields: ["lastName", "phone"] }), "Adam Admin changed a guest record (lastName, phone)"],
  [
    byAdam("reservation.updated", { code: "GH-1001", changed: ["arrivalDate", "roomId"] }),
    "Adam Admin changed reservation GH-1001 (arrivalDate, roomId)",
  ],
  [byAdam("reservation.check_in", { code: "GH-1001", via: "guests/checkin" }), "Adam Admin checked in reservation GH-1001"],
  [byAdam("reservation.check_out", { code: "GH-1001", status: "CHECKED_OUT" }), "Adam Admin checked out reservation GH-1001"],
  [byAdam("reservation.cancel", { code: "GH-1001", status: "CANCELLED" }), "Adam Admin cancelled reservation GH-1001"],
  [byAdam("webhook_endpoint.created", { url, eventTypes: ["reservation.created"] }), `Adam Admin added the webhook endpoint ${url}`],
  [byAdam("webhook_endpoint.updated", { url, changed: ["description"] }), `Adam Admin changed the webhook endpoint ${url} (description)`],
  [byAdam("webhook_endpoint.enabled", { url, changed: ["enabled"] }), `Adam Admin turned on the webhook endpoint ${url}`],
  [byAdam("webhook_endpoint.disabled", { url, changed: ["enabled"] }), `Adam Admin turned off the webhook endpoint ${url}`],
  [byAdam("webhook_endpoint.deleted", { url }), `Adam Admin deleted the webhook endpoint ${url}`],
  [byAdam("webhook_endpoint.secret_revealed", { url }), `Adam Admin revealed the signing secret of ${url}`],
  [
    byAdam("webhook_endpoint.secret_rotated", { url, previousSecretExpiresAt: "2026-11-24T15:00:00.000Z" }),
    `Adam Admin rotated the signing secret of ${url}; the old secret works until 24 Nov 2026, 15:00 UTC`,
  ],
  [byAdam("webhook_endpoint.failed_retried", { count: 3 }), "Adam Admin retried 3 failed webhook deliveries"],
  [
    byAdam("webhook_endpoint.replayed", {
      count: 42,
      only: "failed",
      since: "2026-11-20T21:00:00.000Z",
      until: "2026-11-23T07:00:00.000Z",
    }),
    "Adam Admin replayed 42 failed webhook deliveries from 20 Nov 2026, 21:00 UTC to 23 Nov 2026, 07:00 UTC",
  ],
  [
    byAdam("webhook_delivery.resent", { endpointId: "e1", eventType: "reservation.created" }),
    "Adam Admin resent a webhook delivery (reservation.created)",
  ],
  [byMaya("user.signed_in", { ip: "203.0.113.9", method: "password" }), "Maya Manager signed in"],
  [byMaya("user.signed_in", { method: "recovery_code" }), "Maya Manager signed in with a recovery code"],
  [byMaya("user.signed_out"), "Maya Manager signed out"],
  [
    { ...byMaya("user.sign_in_failed", { reason: "password" }), actorLabel: "maya@demo.test" },
    "Failed sign-in for maya@demo.test: wrong password",
  ],
  [
    { ...byMaya("user.sign_in_failed", { reason: "two_factor" }), actorLabel: "maya@demo.test" },
    "Failed sign-in for maya@demo.test: wrong authentication code",
  ],
  [
    byMaya("user.sign_in_password_verified", { next: "code" }),
    "Maya Manager entered the right password, asked for the authentication code next",
  ],
  [byMaya("user.sign_in_password_verified", { next: "sign_in" }), "Maya Manager entered the right password"],
  [
    { ...byMaya("user.sign_in_throttled"), actorId: null, targetId: null, actorLabel: "maya@demo.test" },
    "Sign-in for maya@demo.test blocked: too many attempts",
  ],
  [byMaya("user.sudo_confirmed"), "Maya Manager confirmed access with password or code"],
  [byMaya("user.sudo_failed"), "Maya Manager failed to confirm access"],
  [byMaya("user.session_revoked"), "Maya Manager signed out another session"],
  [byMaya("user.other_sessions_revoked", { count: 2 }), "Maya Manager signed out of all other sessions (2)"],
  [byMaya("user.password_changed"), "Password changed for Maya Manager"],
  [byMaya("user.password_change_failed"), "Password change refused: wrong current password for Maya Manager"],
  [byMaya("user.two_factor_enabled"), "Two-factor authentication turned on for Maya Manager"],
  [byMaya("user.two_factor_disabled"), "Two-factor authentication turned off for Maya Manager"],
  [byMaya("user.recovery_codes_regenerated"), "New recovery codes generated for Maya Manager"],
];

/** The action codes the code base records: string literals passed as an audit action anywhere under lib/. */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        if (name !== "generated") walk(file);
      } else if (file.endsWith(".ts") && !file.endsWith(".test.ts")) {
        const source = readFileSync(file, "utf8");
        for (const pattern of [/action: "([a-z_]+\.[a-z_]+)"/g, /(?:auditAccountEvent\(\w+, \w+, |await audit\()"([a-z_]+\.[a-z_]+)"/g]) {
          for (const match of source.matchAll(pattern)) found.add(match[1]!);
        }
        // Written as expressions: `reservation.${transition}` and the endpoint update's ternary.
        if (source.includes("action: `reservation.${options.transition}`"))
          for (const transition of source.matchAll(/^ {2}(\w+): \{ from:/gm)) found.add(`reservation.${transition[1]}`);
        for (const match of source.matchAll(/action: [^,\n]*\?[^\n]*/g))
          for (const literal of match[0].matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(literal[1]!);
      }
    }
  };
  walk(path.resolve(import.meta.dirname, ".."));
  return found;
}

describe("describeAuditEvent", () => {
  it.each(CASES.map(([event, sentence]) => [event.action, event, sentence] as const))(
    "%s reads as a sentence",
    (_action, event, sentence) => {
      expect(describeAuditEvent(event, people).sentence).toBe(sentence);
    },
  );

  it("has a sentence for every action the code records, not the fallback", () => {
    const recorded = recordedActions();
    // The scan itself must see the ones written as expressions, or it proves nothing.
    expect(recorded).toContain("reservation.check_out");
    expect(recorded).toContain("webhook_endpoint.disabled");
    expect(recorded).toContain("user.two_factor_enabled");
    const described = new Set(CASES.map(([event]) => event.action));
    expect([...recorded].filter((action) => !described.has(action)).sort()).toEqual([]);
    for (const action of recorded) expect(describeAuditEvent(byAdam(action), people).sentence).not.toContain(action);
  });

  it("falls back to the action code, with the actor, for an action it does not know", () => {
    expect(describeAuditEvent(byAdam("rate_plan.archived", { id: "rp1" }), people)).toEqual({
      sentence: "Adam Admin: rate_plan.archived",
      actor: "Adam Admin",
      warning: false,
    });
  });

  it("names actors: a member by name, a departed user from the label, an API key and the system as such", () => {
    const stranger = { ...byAdam("reservation.created", { code: "X" }), actorId: "u_unknown", actorLabel: "Old Timer <old@demo.test>" };
    expect(describeAuditEvent(stranger, people).sentence).toBe("Old Timer created reservation X");
    const key = {
      ...byAdam("reservation.created", { code: "X" }),
      actorType: "API_KEY" as const,
      actorId: "k1",
      actorLabel: "API key “Door locks” (…a1b2)",
    };
    expect(describeAuditEvent(key, people).sentence).toBe("API key “Door locks” (…a1b2) created reservation X");
    const system = { ...byAdam("webhook_endpoint.disabled", { url }), actorType: "SYSTEM" as const, actorId: null, actorLabel: "system" };
    expect(describeAuditEvent(system, people).actor).toBe("System");
  });

  it("marks failed and blocked attempts as warnings, ordinary work not", () => {
    expect(describeAuditEvent(byMaya("user.sign_in_failed"), people).warning).toBe(true);
    expect(describeAuditEvent(byMaya("user.sign_in_throttled"), people).warning).toBe(true);
    expect(describeAuditEvent(byMaya("user.signed_in"), people).warning).toBe(false);
  });

  it("survives metadata that is not what the call site writes", () => {
    for (const [event] of CASES) {
      expect(() => describeAuditEvent({ ...event, metadata: null }, people)).not.toThrow();
      expect(() => describeAuditEvent({ ...event, metadata: "text" }, people)).not.toThrow();
    }
  });
});
