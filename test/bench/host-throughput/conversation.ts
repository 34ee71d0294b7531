/**
 * The request bodies: what a chat app re-sends every turn — a 4 KB system/context text and
 * the last 10 messages (~1 KB each, alternating assistant/user, ending with the new user
 * question). Each client runs conversations of TURNS turns; turn t of a conversation re-sends
 * the window that turn t−1 sent, shifted by one exchange, like a real chat history.
 * Everything is deterministic (seeded), so every run posts the same bytes.
 */

/** Messages re-sent per request. */
export const WINDOW = 10;
/** Requests (turns) per conversation before the client starts a new session. */
export const TURNS = 10;

const WORDS =
  "please explain why the request latency of our checkout service doubled after the last deploy and what we should look at first in the traces the logs and the database metrics including cache hit rates connection pool usage and slow queries thanks".split(" ");

/** ~`chars` characters of deterministic prose from `seed`. */
function prose(seed: number, chars: number): string {
  let s = seed >>> 0 || 1;
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const word = WORDS[s % WORDS.length];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(" ");
}

/** The 4 KB context every request carries (the same for all: a system prompt plus retrieved docs). */
export const SYSTEM = `You are the support assistant of Acme Cloud. Answer briefly and cite the runbook.\n${prose(7, 4000)}`;

type Message = { role: "user" | "assistant"; content: string };

const conversations = new Map<string, Message[]>();

/** The messages of one conversation (generated once, WINDOW + 2·TURNS of them). */
function conversation(key: string, seed: number): Message[] {
  let messages = conversations.get(key);
  if (!messages) {
    // Index parity: odd = user, even = assistant, so every window [2t, 2t+WINDOW) ends with a user message.
    messages = Array.from({ length: WINDOW + 2 * TURNS }, (_, i) => ({
      role: i % 2 === 1 ? ("user" as const) : ("assistant" as const),
      content: `${i % 2 === 1 ? "Question" : "Answer"} ${i}: ${prose(seed * 1000 + i, 1000)}`,
    }));
    conversations.set(key, messages);
    if (conversations.size > 256) conversations.delete(conversations.keys().next().value!);
  }
  return messages;
}

/** The JSON body of request `n` (0-based) of load client `client`. */
export function chatBody(runId: string, client: number, n: number): string {
  const index = Math.floor(n / TURNS);
  const turn = n % TURNS;
  const sessionId = `s-${runId}-${client}-${index}`;
  const messages = conversation(sessionId, client * 100_003 + index + 1).slice(2 * turn, 2 * turn + WINDOW);
  return JSON.stringify({ system: SYSTEM, messages, userId: `u-${client}`, sessionId });
}
