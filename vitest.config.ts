import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 120_000,
    // The first end-to-end test waits for the full sample build (speech synthesis included).
    hookTimeout: 1_200_000,
    pool: "forks",
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
