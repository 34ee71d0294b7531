import { describe, expect, it } from "vitest";
import { toAssistantMessage, toChatMessages } from "./chat-messages.js";

describe("toChatMessages", () => {
  it("reads the AI SDK prompt format with tool calls and results", () => {
    const messages = toChatMessages([
      { role: "system", content: "be brief" },
      { role: "user", content: [{ type: "text", text: "weather?" }] },
      { role: "assistant", content: [{ type: "tool-call", toolCallId: "1", toolName: "weather", input: '{"city":"Paris"}' }] },
      { role: "tool", content: [{ type: "tool-result", toolCallId: "1", toolName: "weather", output: { type: "json", value: { c: 21 } } }] },
    ]);
    expect(messages).toEqual([
      { role: "system", parts: [{ type: "text", text: "be brief" }] },
      { role: "user", parts: [{ type: "text", text: "weather?" }] },
      { role: "assistant", parts: [{ type: "tool-call", toolName: "weather", input: { city: "Paris" } }] },
      { role: "tool", parts: [{ type: "tool-result", toolName: "weather", output: { c: 21 } }] },
    ]);
  });

  it("unwraps { messages } and returns null for non-chat values", () => {
    expect(toChatMessages({ messages: [{ role: "user", content: "hi" }] })).toEqual([{ role: "user", parts: [{ type: "text", text: "hi" }] }]);
    expect(toChatMessages({ city: "Paris" })).toBeNull();
    expect(toChatMessages([1, 2])).toBeNull();
  });

  it("keeps markup as plain text", () => {
    const [m] = toAssistantMessage([{ type: "text", text: "<script>alert(1)</script>" }])?.parts ?? [];
    expect(m).toEqual({ type: "text", text: "<script>alert(1)</script>" });
  });
});
