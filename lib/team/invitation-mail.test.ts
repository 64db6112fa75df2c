// Invitation mail through a real SMTP server started here: the mail arrives and its link works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProperty, createUser } from "../../test/fixtures";
import { invitationLinkIn, startMailCatcher } from "../../test/mail-catcher";
import { userActor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { acceptInvitation } from "./accept-invitation";
import { inviteMember } from "./invite-member";

let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(() => catcher.close());

async function owner() {
  const { property } = await createProperty({ rooms: 0 });
  const user = await createUser({ memberships: [{ propertyId: property.id, role: "OWNER" }] });
  return { property, context: { propertyId: property.id, actor: userActor(user), origin: "http://pms.test" }, user };
}

describe("invitation mail", () => {
  it("mails the link, with property, inviter, role and expiry; the mailed link works", async () => {
    const { property, context, user } = await owner();
    await db.user.update({ where: { id: user.id }, data: { name: "Olivia <Owner>" } });
    const invitation = await inviteMember({ ...context, smtpUrl: catcher.url }, { email: "mailed@example.com", role: "MANAGER" });
    expect(invitation.mail).toBe("sent");

    const mail = await catcher.mailTo("mailed@example.com");
    expect(mail.raw).toContain(`Subject: Olivia <Owner> invited you to ${property.name}`);
    expect(mail.raw).toContain(`Olivia <Owner> invited you to join ${property.name} as Manager.`);
    // The HTML part escapes what a person typed.
    expect(mail.raw).toContain("<strong>Olivia &lt;Owner&gt;</strong>");
    expect(mail.raw).toMatch(/expires on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    const link = invitationLinkIn(mail);
    expect(link).toBe(invitation.link);

    const joined = await acceptInvitation({
      token: link.slice(link.lastIndexOf("/") + 1),
      user: null,
      account: { name: "Mailed", password: "long-enough-password" },
    });
    expect(joined.slug).toBe(property.slug);
  });

  it("a mail server that cannot be reached loses no invitation: the link is returned and works", async () => {
    const { context } = await owner();
    // Nothing listens on port 1.
    const invitation = await inviteMember({ ...context, smtpUrl: "smtp://127.0.0.1:1" }, { email: "unmailed@example.com", role: "STAFF" });
    expect(invitation.mail).toBe("failed");
    await acceptInvitation({
      token: invitation.link.slice(invitation.link.lastIndexOf("/") + 1),
      user: null,
      account: { name: "Unmailed", password: "long-enough-password" },
    });
  });

  it("sends nothing without a mail server", async () => {
    const { context } = await owner();
    const before = catcher.mails.length;
    expect((await inviteMember({ ...context, smtpUrl: "" }, { email: "nomail@example.com", role: "STAFF" })).mail).toBe("off");
    expect(catcher.mails).toHaveLength(before);
  });
});
