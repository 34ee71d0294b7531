import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["loupe-source"] },
  test: {
    name: "ui",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    testTimeout: 30_000,
  },
});
