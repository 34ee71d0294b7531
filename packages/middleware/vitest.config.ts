import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "loupe-source" export condition).
  resolve: { conditions: ["loupe-source"] },
  ssr: { resolve: { conditions: ["loupe-source", "node", "development|production"] } },
  test: {
    name: "middleware",
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
