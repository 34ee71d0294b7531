import { Badge } from "../../components/ui/badge.js";
import { toAssistantMessage, toChatMessages, type ChatMessage, type ChatPart } from "../../lib/chat-messages.js";
import { JsonView } from "../shared/json-view.js";

function Part({ part }: { part: ChatPart }) {
  switch (part.type) {
    case "text":
      return <div className="lp:whitespace-pre-wrap lp:break-words">{part.text}</div>;
    case "reasoning":
      return (
        <div className="lp:whitespace-pre-wrap lp:break-words lp:border-l-2 lp:border-border lp:pl-2 lp:italic lp:text-muted-foreground">{part.text}</div>
      );
    case "tool-call":
      return <JsonView label={`Tool call: ${part.toolName}`} value={part.input} open />;
    case "tool-result":
      return <JsonView label={`Tool result: ${part.toolName}`} value={part.output} />;
    case "file":
      return <Badge variant="outline">file: {part.mediaType}</Badge>;
    default:
      return <JsonView label="Part" value={part.value} />;
  }
}

const ROLE_STYLE: Record<string, string> = {
  system: "lp:bg-muted/60",
  user: "lp:bg-accent",
  assistant: "lp:bg-card",
  tool: "lp:bg-muted/30",
};

/** One chat message as a bubble with its role; every text is rendered as text. */
export function ChatBubble({ message }: { message: ChatMessage }) {
  return (
    <div className={`lp:rounded-md lp:border lp:border-border lp:p-2.5 ${ROLE_STYLE[message.role] ?? ""}`} data-testid="loupe-chat-message">
      <div className="lp:mb-1 lp:text-[11px] lp:font-semibold lp:uppercase lp:tracking-wide lp:text-muted-foreground">{message.role}</div>
      <div className="lp:flex lp:flex-col lp:gap-1.5">
        {message.parts.map((part, i) => (
          <Part key={i} part={part} />
        ))}
      </div>
    </div>
  );
}

/**
 * A generation's prompt and completion as a chat (AI SDK message format); values that
 * are not chat-shaped fall back to collapsible JSON. `lastInputOnly` shows only the
 * prompt's last message (session replays).
 */
export function ChatView({ input, output, lastInputOnly = false }: { input: unknown; output: unknown; lastInputOnly?: boolean }) {
  const all = toChatMessages(input);
  // A session turn's prompt repeats the whole history: its last message is the new one.
  const messages = all && lastInputOnly ? all.slice(-1) : all;
  const answer = toAssistantMessage(output);
  return (
    <div className="lp:flex lp:flex-col lp:gap-2">
      {messages ? messages.map((m, i) => <ChatBubble key={i} message={m} />) : <JsonView label="Input" value={input} open />}
      {answer ? <ChatBubble message={answer} /> : <JsonView label="Output" value={output} open />}
    </div>
  );
}
