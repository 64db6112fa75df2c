// An alert's mail says why it was sent with its rule's mail reason from the registry.
import { describe, expect, it } from "vitest";
import { alertRules } from "../integration-rules/registry";
import { alertMail } from "./alert-mail";

const details = { to: "ops@example.com", propertyName: "Seaside", link: "https://pms.example/x", settingsLink: "https://pms.example/s" };

describe("alert mail", () => {
  it("gives the rule's mail reason in the text and the HTML", () => {
    const mail = alertMail(
      { rule: "ENDPOINT_DISABLED", title: "Webhook endpoint disabled: Locks", body: "Gone.", actionLabel: "Re-enable…" },
      details,
    );
    expect(mail.text).toContain(`because you chose to hear when "${alertRules.ENDPOINT_DISABLED.mailReason}".`);
    expect(mail.html).toContain(`because you chose to hear when ${alertRules.ENDPOINT_DISABLED.mailReason}.`);
    expect(mail.text).toContain("Re-enable: https://pms.example/x");
  });

  it("names a rule it no longer knows by its kind", () => {
    const mail = alertMail({ rule: "OLD_RULE", title: "t", body: "b", actionLabel: "Open" }, details);
    expect(mail.text).toContain(`chose to hear when "old_rule".`);
  });
});
