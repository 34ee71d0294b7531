import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["loupe-source"] },
  test: {
    name: "integration",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
