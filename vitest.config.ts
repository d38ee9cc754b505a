import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Domain code never imports it, but a stray import must not crash the suite outside Next.
      "server-only": path.resolve(import.meta.dirname, "server/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "db/**/*.test.ts", "bench/**/*.test.ts", "components/**/*.test.ts"],
    globalSetup: ["server/testing/global-setup.ts"],
    setupFiles: ["server/testing/database-per-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default"],
    // Keep the app's JSON logs out of the test report; warnings and errors still show.
    env: { LOG_LEVEL: "warn" },
  },
});
