import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MockLanguageModelV4 } from "ai/test";
import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const snippets = path.join(import.meta.dirname, "snippets");

/** The README's guide blocks: `<!-- snippet: file -->` followed by a fenced block. */
function readmeSnippets(): Map<string, string> {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const blocks = new Map<string, string>();
  for (const match of readme.matchAll(/<!-- snippet: ([\w.-]+) -->\s*```\w*\n([\s\S]*?)```/g)) blocks.set(match[1], match[2]);
  return blocks;
}

// The provider needs a network and a key: the guide's tests answer with a scripted model
// instead (the same middleware, telemetry and storage run on it).
const usage = { inputTokens: { total: 40, noCache: 40, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 12, text: 12, reasoning: 0 } };
vi.mock("@ai-sdk/openai", () => ({
  openai: (modelId: string) =>
    new MockLanguageModelV4({
      provider: "openai.chat",
      modelId,
      doGenerate: async (options: LanguageModelV4CallOptions) => ({
        content: [{ type: "text", text: JSON.stringify(options.prompt).includes("impartial evaluator") ? JSON.stringify({ rationale: "fine", score: 4 }) : "Hello!" }],
        finishReason: { unified: "stop", raw: "stop" },
        usage,
        warnings: [],
      }),
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of [
              { type: "stream-start", warnings: [] },
              { type: "text-start", id: "t" },
              { type: "text-delta", id: "t", delta: "Hello " },
              { type: "text-delta", id: "t", delta: "Ada!" },
              { type: "text-end", id: "t" },
              { type: "finish", usage, finishReason: { unified: "stop", raw: "stop" } },
            ] as LanguageModelV4StreamPart[])
              controller.enqueue(part);
            controller.close();
          },
        }),
      }),
    }),
}));

describe("the README's integration guide", () => {
  it("shows exactly the snippet files this test checks", () => {
    const blocks = readmeSnippets();
    const files = readdirSync(snippets).sort();
    expect([...blocks.keys()].sort()).toEqual(files);
    for (const file of files) expect(blocks.get(file), file).toBe(readFileSync(path.join(snippets, file), "utf8"));
  });

  it("compiles (TypeScript, strict)", () => {
    let output = "";
    try {
      execFileSync("npx", ["tsc", "-p", path.join(import.meta.dirname, "tsconfig.json")], { cwd: root, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  });

  describe("works end to end", () => {
    process.env.LOUPE_DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "loupe-guide-")), "guide.db")}`;
    let loupe: typeof import("./snippets/loupe.js").loupe;
    afterAll(async () => loupe?.shutdown());

    it("records the chat request as a trace of its user and conversation, rateable with its token", async () => {
      ({ loupe } = await import("./snippets/loupe.js"));
      await import("./snippets/judge.js");
      const { POST: chat } = await import("./snippets/chat-route.js");
      const { GET, POST } = await import("./snippets/loupe-route.js");
      const messages = [{ id: "m1", role: "user", parts: [{ type: "text", text: "Say hello" }] }];
      const response = await chat(new Request("http://localhost/api/chat", { method: "POST", body: JSON.stringify({ messages, conversationId: "conv-1", userId: "ada" }) }));
      const body = await response.text();
      expect(body).toContain("Hello ");
      const metadata = JSON.parse(/"messageMetadata":(\{[^}]*\})/.exec(body)![1]) as { traceId: string; feedbackToken: string };

      const vote = await POST(new Request("http://localhost/api/loupe/feedback", { method: "POST", body: JSON.stringify({ token: metadata.feedbackToken, value: 0, comment: "too short" }) }));
      expect(vote.status).toBe(202);
      await loupe.evaluations.idle();
      await loupe.flush();

      expect((await GET(new Request(`http://localhost/api/loupe/traces/${metadata.traceId}`))).status).toBe(404);
      const asAdmin = await GET(new Request(`http://localhost/api/loupe/traces/${metadata.traceId}`, { headers: { cookie: "role=admin" } }));
      const trace = await asAdmin.json();
      expect(trace).toMatchObject({ name: "chat", userId: "ada", sessionId: "conv-1", tags: ["chat"], generationCount: 1, outputPreview: "Hello Ada!" });
      const names = trace.scores.map((s: { name: string }) => s.name).sort();
      expect(names).toContain("user-feedback");
      expect(names).toContain("tool-calls-succeeded");
    });
  });
});
