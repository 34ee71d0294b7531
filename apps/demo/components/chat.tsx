"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { ChatMessage } from "@/lib/chat-types";
import type { ModelOption } from "@/lib/model-options";
import { loadConversation, saveConversation } from "./conversation-storage";
import { MessageView } from "./message-view";

const SUGGESTIONS = [
  "What's the weather in Paris and what is 12*7?",
  "How do I collect user feedback? Check the docs.",
  "What is the stock price of ACME and of NOPE?",
  "Compare the weather in Tokyo and Sydney",
];

/** The streaming chat of one conversation (messages are kept in this browser's localStorage). */
export function Chat({ conversationId, userId, models }: { conversationId: string; userId: string; models: ModelOption[] }) {
  const [model, setModel] = useState(models[0].id);
  const [input, setInput] = useState("");
  const modelRef = useRef(model);
  modelRef.current = model;
  const transport = useMemo(
    () => new DefaultChatTransport<ChatMessage>({ api: "/api/chat", body: () => ({ model: modelRef.current }) }),
    [],
  );
  const { messages, sendMessage, status, error, stop, setMessages } = useChat<ChatMessage>({ id: conversationId, transport });
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const saved = loadConversation(userId, conversationId);
    if (saved.length) setMessages(saved);
  }, [userId, conversationId, setMessages]);
  useEffect(() => {
    if (status === "ready" && messages.length) saveConversation(userId, conversationId, messages);
  }, [status, messages, userId, conversationId]);
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  const busy = status === "submitted" || status === "streaming";
  const send = (text: string) => {
    if (!text.trim() || busy) return;
    void sendMessage({ text: text.trim() });
    setInput("");
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(input);
  };

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-1 flex-col overflow-hidden">
      <div className="flex-1 space-y-4 overflow-y-auto p-4" data-testid="messages">
        {messages.length === 0 && (
          <div className="mt-8 space-y-3 text-center">
            <p className="text-zinc-600">Ask something. The scripted model uses tools by keyword.</p>
            <div className="flex flex-wrap justify-center gap-2">
              {SUGGESTIONS.map((s) => (
                <button key={s} type="button" onClick={() => send(s)} className="rounded-full border border-zinc-300 bg-white px-3 py-1 text-sm hover:border-zinc-500">
                  {s}
                </button>
              ))}
            </div>
          </div>
        )}
        {messages.map((m, i) => (
          <MessageView key={m.id} message={m} streaming={busy && i === messages.length - 1} />
        ))}
        {status === "submitted" && <p className="text-sm text-zinc-500">Thinking…</p>}
        {error && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-700">
            {error.message || "Something went wrong."}
          </p>
        )}
        <div ref={bottom} />
      </div>
      <form onSubmit={onSubmit} className="flex gap-2 border-t border-zinc-200 bg-white p-3">
        <select
          aria-label="Model"
          data-testid="model-picker"
          value={model}
          onChange={(e) => setModel(e.target.value)}
          className="max-w-48 rounded border border-zinc-300 bg-white px-2 text-sm"
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
        <input
          aria-label="Message"
          data-testid="chat-input"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Ask about the weather, arithmetic, the docs or a stock…"
          className="flex-1 rounded border border-zinc-300 px-3 py-2"
          autoFocus
        />
        {busy ? (
          <button type="button" onClick={() => void stop()} className="rounded bg-zinc-200 px-4 py-2">
            Stop
          </button>
        ) : (
          <button type="submit" data-testid="chat-send" disabled={!input.trim()} className="rounded bg-zinc-900 px-4 py-2 text-white disabled:opacity-40">
            Send
          </button>
        )}
      </form>
    </main>
  );
}
