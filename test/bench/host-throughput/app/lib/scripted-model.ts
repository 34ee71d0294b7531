import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart, LanguageModelV4Usage } from "@ai-sdk/provider";

/** Words per streamed chunk × chunks = output tokens of every answer. */
const WORDS_PER_CHUNK = 5;
const CHUNKS = 30;
const ANSWERS = 16;

/** The marker every answer ends with: the load script checks that each body arrived whole. */
export const ANSWER_END = "END-OF-ANSWER";

const VOCABULARY =
  "the a model answer stream token latency cache session user context message request route server build chunk price cost trace span record writer buffer batch sqlite table index query reply thanks sure here is what you asked for".split(" ");

/** 16 fixed answers of 150 words in 30 chunks (deterministic: a tiny LCG, no Math.random). */
const answers: string[][] = Array.from({ length: ANSWERS }, (_, a) => {
  let seed = 0x9e3779b1 ^ (a * 2654435761);
  const word = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return VOCABULARY[seed % VOCABULARY.length];
  };
  return Array.from({ length: CHUNKS }, (_, c) => {
    const words = Array.from({ length: WORDS_PER_CHUNK }, word);
    if (c === CHUNKS - 1) words[WORDS_PER_CHUNK - 1] = ANSWER_END;
    return words.join(" ") + (c === CHUNKS - 1 ? "" : " ");
  });
});

/** Prompt size in characters (system, user and assistant text). */
function promptChars(options: LanguageModelV4CallOptions): number {
  let chars = 0;
  for (const message of options.prompt) {
    if (typeof message.content === "string") chars += message.content.length;
    else for (const part of message.content) if (part.type === "text") chars += part.text.length;
  }
  return chars;
}

/** Usage as OpenAI reports it: ~4 characters a token, the stable prefix cached in 128-token blocks. */
function usageFor(options: LanguageModelV4CallOptions): LanguageModelV4Usage {
  const input = Math.ceil(promptChars(options) / 4);
  const cacheRead = input >= 1024 ? Math.floor((input * 0.7) / 128) * 128 : 0;
  const output = CHUNKS * WORDS_PER_CHUNK;
  return {
    inputTokens: { total: input, noCache: input - cacheRead, cacheRead, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

/** Which of the fixed answers a prompt gets: same prompt, same answer. */
function answerFor(options: LanguageModelV4CallOptions): string[] {
  return answers[promptChars(options) % ANSWERS];
}

/**
 * A deterministic `gpt-4o-mini` (provider `openai.chat`, so Loupe prices it) that answers
 * any prompt with 150 tokens streamed in 30 chunks, with no delay and no network.
 */
export function scriptedModel(): LanguageModelV4 {
  let calls = 0;
  return {
    specificationVersion: "v4",
    provider: "openai.chat",
    modelId: "gpt-4o-mini",
    supportedUrls: {},
    async doGenerate(options) {
      calls += 1;
      return {
        content: [{ type: "text", text: answerFor(options).join("") }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: usageFor(options),
        warnings: [],
        response: { id: `resp-${calls}`, modelId: "gpt-4o-mini", timestamp: new Date() },
      };
    },
    async doStream(options) {
      calls += 1;
      const parts: LanguageModelV4StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "response-metadata", id: `resp-${calls}`, modelId: "gpt-4o-mini", timestamp: new Date() },
        { type: "text-start", id: "t" },
        ...answerFor(options).map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: "t", delta })),
        { type: "text-end", id: "t" },
        { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usageFor(options) },
      ];
      let next = 0;
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        pull: (controller) => (next < parts.length ? controller.enqueue(parts[next++]) : controller.close()),
      });
      return { stream };
    },
  };
}
