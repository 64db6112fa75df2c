import { defineConfig, devices } from "@playwright/test";
import { E2E_SMTP_PORT } from "./e2e/smtp-port";
import { env } from "./lib/env";

const port = env().E2E_PORT;
const baseURL = `http://localhost:${port}`;

// Debian's Chromium: Playwright's own browser download cannot run on these machines.
const chromium = env().CHROMIUM_PATH;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: env().CI ? [["list"], ["json", { outputFile: ".reports/playwright.json" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A fresh embedded database for every run, seeded with the demo data by `npm start`.
    command: "rm -rf .data/e2e && npm start",
    url: `${baseURL}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: ".data/e2e",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      // The team spec listens here with a real SMTP server and reads the invitation mail.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // The Plan page names whom owners write to for a plan change.
      PLAN_CONTACT: "plans@pms.example",
    },
  },
});
