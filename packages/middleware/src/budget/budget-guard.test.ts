import { generateText, wrapLanguageModel } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { createLoupe, type Loupe } from "../loupe.js";
import { manualClock, scriptedModel } from "../testing/scripted-model.js";
import { tempSqliteStore } from "../testing/temp-store.js";
import type { BudgetStatus } from "../domain/budget-status.js";
import { LoupeBudgetExceededError } from "../errors/loupe-budget-exceeded-error.js";

let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

describe("per-user budget guard", () => {
  it("refuses a user's calls once today's spend passes the limit, and leaves other users alone", async () => {
    const clock = manualClock(Date.parse("2026-05-01T10:00:00Z"));
    const exceeded: BudgetStatus[] = [];
    // Each call: 100k input + 10k output tokens of gpt-4o-mini = (100000×0.15 + 10000×0.6)/1e6 = $0.021.
    loupe = createLoupe({
      store: await tempSqliteStore(),
      registerTelemetry: false,
      budget: { perUserDailyUsd: 0.05, refreshMs: 0, onExceeded: (s) => void exceeded.push(s) },
      _internal: { now: clock.now },
    });
    const l = loupe;
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "ok", usage: { input: 100_000, output: 10_000 } }], clock), middleware: l.middleware() });
    const call = (userId: string) => l.withTrace({ userId }, () => generateText({ model, prompt: "hi" }));
    for (let i = 0; i < 3; i++) {
      await call("heavy");
      await l.flush();
      await l.budgetStatus("heavy");
    }
    const status = (await l.budgetStatus("heavy"))!;
    expect(status.spentUsd).toBeCloseTo(0.063, 10);
    expect(status.allowed).toBe(false);
    expect(status.resetsAt.toISOString()).toBe("2026-05-02T00:00:00.000Z");
    const error = await call("heavy").catch((e: unknown) => e);
    expect(LoupeBudgetExceededError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("$0.05 daily budget");
    expect(exceeded.map((s) => s.userId)).toEqual(["heavy"]);
    await expect(call("light")).resolves.toBeTruthy();
    // The next day the budget starts again.
    clock.advance(86_400_000);
    await l.budgetStatus("heavy");
    await expect(call("heavy")).resolves.toBeTruthy();
  });

  it("never blocks in warn mode", async () => {
    loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false, budget: { perUserDailyUsd: 0, mode: "warn", refreshMs: 0 } });
    const l = loupe;
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "ok", usage: { input: 10, output: 1 } }], manualClock()), middleware: l.middleware() });
    await l.budgetStatus("u");
    await expect(l.withTrace({ userId: "u" }, () => generateText({ model, prompt: "hi" }))).resolves.toBeTruthy();
  });
});
