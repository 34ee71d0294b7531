import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLoupe, createSqliteStore, type Loupe } from "@loupe/middleware";
import { stepCountIs, streamText, wrapLanguageModel } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { createScriptedModel, type Pace } from "./scripted-model";
import { demoTools } from "./tools";

let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

function manualPace(start = Date.parse("2026-03-02T10:00:00Z")): Pace & { waited: number } {
  let t = start;
  const pace = { waited: 0, now: () => t, wait: async (ms: number) => void ((t += ms), (pace.waited += ms)) };
  return pace;
}

async function ask(question: string) {
  const pace = manualPace();
  const store = await createSqliteStore({ url: path.join(mkdtempSync(path.join(tmpdir(), "loupe-demo-")), "t.db") });
  loupe = createLoupe({ store, _internal: { now: pace.now } });
  const model = wrapLanguageModel({ model: createScriptedModel({ pace }), middleware: loupe.middleware() });
  const l = loupe;
  let traceId = "";
  const text = await l.withTrace({ name: "chat", userId: "ada", sessionId: "conv-1" }, async () => {
    traceId = l.currentTraceId()!;
    const result = streamText({ model, prompt: question, tools: demoTools, stopWhen: stepCountIs(5), telemetry: { functionId: "chat-agent" } });
    return await result.text;
  });
  await l.flush();
  return { text, trace: (await l.query.trace(traceId))!, pace };
}

describe("the scripted model through Loupe", () => {
  it("plans weather then calculator, answers from the results, and is priced as gpt-4o-mini", async () => {
    const { text, trace, pace } = await ask("What's the weather in Paris and what is 12*7?");
    expect(text).toBe("In Paris it is 18 °C and partly cloudy, with 62% humidity and wind at 14 km/h. 12*7 = 84.");
    const tools = trace.observations.filter((o) => o.type === "TOOL");
    expect(tools.map((t) => t.name).sort()).toEqual(["calculator", "weather"]);
    const generations = trace.observations.filter((o) => o.type === "GENERATION");
    expect(generations).toHaveLength(3);
    expect(trace.models).toEqual(["gpt-4o-mini"]);
    expect(trace.usage.cacheReadTokens).toBeGreaterThan(0);
    expect(trace.usage.reasoningTokens).toBeGreaterThan(0);
    expect(trace.totalCost).toBeGreaterThan(0);
    expect(trace.unpricedCount).toBe(0);
    expect(pace.waited).toBeGreaterThan(600);
  });

  it("records the stock tool's failure for an unknown ticker and still answers", async () => {
    const { text, trace } = await ask("What is the stock price of NOPE?");
    expect(text).toContain('Unknown ticker "NOPE"');
    const tool = trace.observations.find((o) => o.type === "TOOL")!;
    expect(tool).toMatchObject({ name: "stockPrice", level: "ERROR" });
    expect(trace.level).toBe("ERROR");
  });

  it("answers docs questions from the markdown files", async () => {
    const { text } = await ask("How do I issue a feedback token? Check the docs.");
    expect(text).toContain("feedback.md");
  });

  it("echoes other questions as plain text (the XSS sample)", async () => {
    const { text } = await ask("Say <script>alert(1)</script> and <img src=x onerror=alert(1)>");
    expect(text).toContain("<script>alert(1)</script>");
  });
});
