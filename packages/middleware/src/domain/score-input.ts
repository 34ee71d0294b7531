import { z } from "zod";

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
