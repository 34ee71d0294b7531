/** Pretty JSON text of any value (strings shown as they are). */
export function jsonText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A collapsible block of JSON or text, rendered as text (never as HTML). Uses
 * `<details>`, so it is keyboard accessible without JavaScript.
 */
export function JsonView({ label, value, open = false }: { label: string; value: unknown; open?: boolean }) {
  if (value === null || value === undefined) return null;
  const text = jsonText(value);
  return (
    <details open={open} className="lp:rounded-md lp:border lp:border-border lp:bg-muted/40">
      <summary className="lp:px-2 lp:py-1 lp:text-xs lp:font-medium lp:text-muted-foreground lp:select-none">
        {label} <span className="lp:font-normal">({text.length.toLocaleString("en-US")} chars)</span>
      </summary>
      <pre className="lp:max-h-96 lp:overflow-auto lp:whitespace-pre-wrap lp:break-words lp:px-2 lp:pb-2">{text}</pre>
    </details>
  );
}
