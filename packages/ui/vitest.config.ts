import { defineConfig } from "vitest/config";

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "loupe-source" export condition).
  resolve: { conditions: ["loupe-source"] },
  ssr: { resolve: { conditions: ["loupe-source", "node", "development|production"] } },
  test: {
    name: "ui",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    testTimeout: 30_000,
  },
});
