import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["loupe-source"], alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    name: "demo",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
