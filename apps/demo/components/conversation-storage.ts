import type { ChatMessage } from "@/lib/chat-types";

const key = (userId: string, conversationId: string) => `loupe-demo:${userId}:${conversationId}`;

/** The messages of a conversation saved in this browser (empty when none or unreadable). */
export function loadConversation(userId: string, conversationId: string): ChatMessage[] {
  try {
    const raw = window.localStorage.getItem(key(userId, conversationId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as ChatMessage[]) : [];
  } catch {
    return [];
  }
}

/** Saves a conversation's messages in this browser (best effort). */
export function saveConversation(userId: string, conversationId: string, messages: ChatMessage[]): void {
  try {
    window.localStorage.setItem(key(userId, conversationId), JSON.stringify(messages.slice(-100)));
  } catch {
    /* storage full or disabled: the chat still works */
  }
}
