import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["loupe-source"] },
  test: {
    name: "middleware",
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
