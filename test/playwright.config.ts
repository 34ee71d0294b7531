import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests of the demo app in Debian's Chromium (`npx playwright install` cannot
 * download browsers here; scripts/e2e.sh installs `chromium` with apt-get when missing).
 * The demo runs built (`next start`) on a fixed port with a throwaway, seeded SQLite store.
 */
const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.LOUPE_E2E_PORT ?? 3217);
const baseURL = `http://127.0.0.1:${port}`;
// Set once in the runner process; workers inherit it.
process.env.LOUPE_E2E_DB_DIR ??= mkdtempSync(path.join(tmpdir(), "loupe-e2e-"));
const databaseUrl = `file:${path.join(process.env.LOUPE_E2E_DB_DIR, "e2e.db")}`;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: path.join(root, "test-results"),
  reporter: [["list"], ["json", { outputFile: path.join(root, ".reports", "playwright.json") }]],
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 1280, height: 860 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.LOUPE_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "bash apps/demo/scripts/start.sh",
    cwd: root,
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      LOUPE_DATABASE_URL: databaseUrl,
      LOUPE_SECRET: "loupe-e2e-secret-0123456789abcdef",
      LOUPE_SEED_TRACES: process.env.LOUPE_SEED_TRACES ?? "3000",
    },
  },
});
