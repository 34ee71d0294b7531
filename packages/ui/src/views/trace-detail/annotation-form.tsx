"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "../../components/ui/button.js";
import { Input, Select, Textarea } from "../../components/ui/input.js";

/** Props of {@link AnnotationForm}. */
export interface AnnotationFormProps {
  traceId: string;
  /** Where `loupe.handlers` are mounted. */
  apiBasePath: string;
}

/** Adds a human annotation score to a trace (POST {apiBasePath}/scores), then refreshes the page. */
export function AnnotationForm({ traceId, apiBasePath }: AnnotationFormProps) {
  const router = useRouter();
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message?: string }>({ kind: "idle" });
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const dataType = String(data.get("dataType"));
    const raw = String(data.get("value") ?? "").trim();
    const value = dataType === "NUMERIC" ? Number(raw) : dataType === "BOOLEAN" ? raw === "true" || raw === "1" : raw;
    if (dataType === "NUMERIC" && (raw === "" || Number.isNaN(value))) {
      setStatus({ kind: "error", message: "Enter a number." });
      return;
    }
    setStatus({ kind: "saving" });
    try {
      const response = await fetch(`${apiBasePath}/scores`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ traceId, name: String(data.get("name") || "annotation"), value, dataType, comment: String(data.get("comment") ?? "") || undefined }),
      });
      if (!response.ok) throw new Error(`The server answered ${response.status}`);
      setStatus({ kind: "saved" });
      form.reset();
      router.refresh();
    } catch (error) {
      setStatus({ kind: "error", message: error instanceof Error ? error.message : "Could not save the score" });
    }
  };
  return (
    <form onSubmit={onSubmit} className="lp:flex lp:flex-col lp:gap-2" aria-label="Add a score" data-testid="loupe-annotation-form">
      <div className="lp:flex lp:flex-wrap lp:gap-2">
        <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
          Score name
          <Input name="name" defaultValue="quality" required className="lp:w-32" />
        </label>
        <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
          Type
          <Select name="dataType" defaultValue="NUMERIC">
            <option value="NUMERIC">number</option>
            <option value="BOOLEAN">true/false</option>
            <option value="CATEGORICAL">category</option>
          </Select>
        </label>
        <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
          Value
          <Input name="value" required className="lp:w-24" placeholder="0–1, true, good" />
        </label>
      </div>
      <label className="lp:flex lp:flex-col lp:gap-0.5 lp:text-xs lp:text-muted-foreground">
        Comment
        <Textarea name="comment" rows={2} />
      </label>
      <div className="lp:flex lp:items-center lp:gap-2">
        <Button type="submit" size="sm" disabled={status.kind === "saving"}>
          {status.kind === "saving" ? "Saving…" : "Add score"}
        </Button>
        <span role="status" className={status.kind === "error" ? "lp:text-xs lp:text-danger" : "lp:text-xs lp:text-muted-foreground"}>
          {status.kind === "saved" ? "Saved." : status.kind === "error" ? status.message : ""}
        </span>
      </div>
    </form>
  );
}
