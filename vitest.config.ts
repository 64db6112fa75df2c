import path from "node:path";
import { defineConfig } from "vitest/config";
import { env } from "./lib/env";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; the services are plain Node here.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-database.ts"],
    pool: "forks",
    reporters: env().VITEST_JSON ? ["default", ["json", { outputFile: env().VITEST_JSON }]] : ["default"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
