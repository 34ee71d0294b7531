import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "loupe-source" export condition).
  resolve: { conditions: ["loupe-source"] },
  ssr: { resolve: { conditions: ["loupe-source", "node", "development|production"] } },
  test: {
    name: "integration",
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
