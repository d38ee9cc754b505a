import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium where installed (CI installs it); otherwise Playwright's own browser.
const debianChromium = "/usr/bin/chromium";
const executablePath = fs.existsSync(debianChromium) ? debianChromium : undefined;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  // One file at a time: each file starts its own production server on its own database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
