"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { cn } from "../lib/cn.js";
import { FeedbackStylesheet } from "../styles/feedback-stylesheet.js";

/** A vote: 1 thumbs up, 0 thumbs down, null none yet. */
export type FeedbackValue = 1 | 0 | null;

/** Props of {@link LoupeFeedback}. */
export interface LoupeFeedbackProps {
  /** The trace the answer belongs to (`loupe.currentTraceId()` on the server). */
  traceId: string;
  /** The signed per-trace feedback token issued with the answer. */
  token: string;
  /** Where `loupe.handlers` are mounted. Default "/api/loupe". */
  apiBasePath?: string;
  /** The current vote when known (skips the initial GET). */
  initialValue?: FeedbackValue;
  initialComment?: string | null;
  /** Offer a comment box after a thumbs down. Default true. */
  askComment?: boolean;
  className?: string;
  /** Called after a vote or comment is saved. */
  onSaved?: (value: 1 | 0, comment?: string) => void;
}

/**
 * Thumbs up / thumbs down for one answer, for end users. The vote shows at once
 * (optimistic) and rolls back if saving fails; it can be changed; a thumbs down offers
 * an optional comment. Buttons are real buttons with `aria-pressed` and labels.
 */
export function LoupeFeedback({ traceId, token, apiBasePath = "/api/loupe", initialValue, initialComment = null, askComment = true, className, onSaved }: LoupeFeedbackProps) {
  const [value, setValue] = useState<FeedbackValue>(initialValue ?? null);
  const [comment, setComment] = useState<string | null>(initialComment);
  const [commentOpen, setCommentOpen] = useState(false);
  const [status, setStatus] = useState<"idle" | "saving" | "error" | "thanks">("idle");
  const lastSaved = useRef<FeedbackValue>(initialValue ?? null);
  const commentId = useId();
  const url = `${apiBasePath.replace(/\/+$/, "")}/feedback`;

  useEffect(() => {
    if (initialValue !== undefined) return;
    let cancelled = false;
    fetch(`${url}?token=${encodeURIComponent(token)}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ value: FeedbackValue; comment: string | null }>) : null))
      .then((saved) => {
        if (cancelled || !saved) return;
        lastSaved.current = saved.value;
        setValue((current) => (current === null ? saved.value : current));
        setComment(saved.comment ?? null);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [url, token, initialValue]);

  const send = async (next: 1 | 0, nextComment?: string) => {
    const previous = lastSaved.current;
    setValue(next);
    setStatus("saving");
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, value: next, ...(nextComment ? { comment: nextComment } : {}) }),
      });
      if (!response.ok) throw new Error(String(response.status));
      lastSaved.current = next;
      if (nextComment !== undefined) setComment(nextComment);
      setStatus(nextComment ? "thanks" : "idle");
      onSaved?.(next, nextComment);
    } catch {
      setValue(previous);
      setStatus("error");
    }
  };

  const vote = (next: 1 | 0) => {
    if (status === "saving") return;
    setCommentOpen(next === 0 && askComment);
    if (next !== value) void send(next);
  };

  const submitComment = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
    setCommentOpen(false);
    if (text) void send(0, text);
  };

  const button = "lp:inline-flex lp:h-7 lp:w-7 lp:items-center lp:justify-center lp:rounded-md lp:border lp:border-current/20 lp:opacity-70 lp:hover:opacity-100 lp:transition";
  return (
    <div className={cn("loupe-scope loupe-system lp:inline-flex lp:flex-col lp:gap-1.5 lp:text-sm", className)} data-loupe-feedback={traceId}>
      <FeedbackStylesheet />
      <div role="group" aria-label="Rate this answer" className="lp:inline-flex lp:items-center lp:gap-1">
        <button
          type="button"
          aria-pressed={value === 1}
          aria-label="Good answer"
          title="Good answer"
          onClick={() => vote(1)}
          className={cn(button, value === 1 && "lp:border-success lp:text-success lp:opacity-100")}
        >
          <ThumbsUp size={14} aria-hidden="true" fill={value === 1 ? "currentColor" : "none"} />
        </button>
        <button
          type="button"
          aria-pressed={value === 0}
          aria-label="Bad answer"
          title="Bad answer"
          onClick={() => vote(0)}
          className={cn(button, value === 0 && "lp:border-danger lp:text-danger lp:opacity-100")}
        >
          <ThumbsDown size={14} aria-hidden="true" fill={value === 0 ? "currentColor" : "none"} />
        </button>
        <span role="status" aria-live="polite" className="lp:ml-1 lp:text-xs lp:opacity-70">
          {status === "error" ? "Could not save your feedback. Try again." : status === "thanks" ? "Thanks for the details." : ""}
        </span>
      </div>
      {commentOpen ? (
        <form onSubmit={submitComment} className="lp:flex lp:flex-col lp:gap-1 lp:max-w-80">
          <label htmlFor={commentId} className="lp:text-xs lp:opacity-70">
            What went wrong? (optional)
          </label>
          <textarea
            id={commentId}
            name="comment"
            rows={2}
            defaultValue={comment ?? ""}
            maxLength={2000}
            autoFocus
            className="lp:rounded-md lp:border lp:border-current/20 lp:bg-transparent lp:px-2 lp:py-1 lp:text-sm"
          />
          <div className="lp:flex lp:gap-1">
            <button type="submit" className="lp:rounded-md lp:border lp:border-current/20 lp:px-2 lp:py-0.5 lp:text-xs lp:hover:bg-current/5">
              Send
            </button>
            <button type="button" onClick={() => setCommentOpen(false)} className="lp:rounded-md lp:px-2 lp:py-0.5 lp:text-xs lp:opacity-70 lp:hover:opacity-100">
              Skip
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
