import { defineConfig } from "vitest/config";

// One vitest run over every package's unit tests and the cross-package suites in test/.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "test/vitest.config.ts"],
  },
});
