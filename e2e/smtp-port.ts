// The port of the SMTP server the team spec starts: playwright.config.ts gives the app SMTP_URL with it,
// so both must agree. Derived from E2E_PORT, so two checkouts running the suite on their own ports do not collide.
import { env } from "../lib/env";

export const E2E_SMTP_PORT = env().E2E_PORT + 1000;
