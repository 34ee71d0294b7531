import { z } from "zod";
import type { ScoreRow } from "./rows.js";

/** A score given from server code: `loupe.score({...})`. Validated at the boundary. */
export const ScoreInput = z
  .object({
    id: z.string().min(1).max(200).optional(),
    traceId: z.string().min(1).max(200).optional(),
    observationId: z.string().min(1).max(200).optional(),
    sessionId: z.string().min(1).max(200).optional(),
    name: z.string().min(1).max(200),
    value: z.union([z.number().finite(), z.boolean(), z.string().min(1).max(500)]),
    dataType: z.enum(["NUMERIC", "BOOLEAN", "CATEGORICAL", "TEXT"]).optional(),
    comment: z.string().max(5_000).optional(),
    source: z.enum(["API", "ANNOTATION", "EVAL", "FEEDBACK"]).default("API"),
    authorId: z.string().max(200).optional(),
    evaluatorId: z.string().max(200).optional(),
    timestamp: z.date().optional(),
  })
  .refine((s) => s.traceId || s.observationId || s.sessionId, {
    message: "A score needs a traceId, an observationId or a sessionId.",
  })
  .refine(
    (s) =>
      s.dataType === undefined ||
      (s.dataType === "NUMERIC" && typeof s.value === "number") ||
      (s.dataType === "BOOLEAN" && (typeof s.value === "boolean" || s.value === 0 || s.value === 1)) ||
      ((s.dataType === "CATEGORICAL" || s.dataType === "TEXT") && typeof s.value === "string"),
    { message: "value does not match dataType (NUMERIC: number, BOOLEAN: true/false, CATEGORICAL/TEXT: string)." },
  );
/** The input of `loupe.score()`. */
export type ScoreInput = z.input<typeof ScoreInput>;

/**
 * Validates a score and turns it into the row the writer stores (throws a ZodError on
 * bad input). The data type follows the value when none is given.
 */
export function toScoreRow(input: ScoreInput, ids: { now(): number; generateId(): string }): ScoreRow {
  const s = ScoreInput.parse(input);
  const dataType = s.dataType ?? (typeof s.value === "boolean" ? "BOOLEAN" : typeof s.value === "number" ? "NUMERIC" : "CATEGORICAL");
  return {
    id: s.id ?? ids.generateId(),
    traceId: s.traceId ?? null,
    observationId: s.observationId ?? null,
    sessionId: s.sessionId ?? null,
    name: s.name,
    dataType,
    value: typeof s.value === "boolean" ? Number(s.value) : typeof s.value === "number" ? s.value : null,
    stringValue: typeof s.value === "string" ? s.value : typeof s.value === "boolean" ? String(s.value) : null,
    comment: s.comment ?? null,
    source: s.source,
    authorId: s.authorId ?? null,
    evaluatorId: s.evaluatorId ?? null,
    timestamp: s.timestamp ?? new Date(ids.now()),
  };
}
