/**
 * "Before" for the bytes benchmark: what the inline payload format (every prompt and
 * output as JSON text in its own payload row, as Loupe stored them before content
 * addressing) holds for the same recorded traces. The rows are rebuilt from a store's
 * reads, so the payload texts are exactly what the old writer serialised.
 */
import type { ObservationRow, PayloadRow, TraceDetail, TraceRow, TraceStore, WriteBatch } from "@loupe/middleware";

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** One trace as the inline format's rows. */
export function inlineRows(t: TraceDetail): WriteBatch {
  const trace: TraceRow = {
    id: t.id, name: t.name, userId: t.userId, sessionId: t.sessionId, tags: t.tags, environment: t.environment, release: t.release,
    version: t.version, kind: t.kind, startTime: t.startTime, endTime: t.endTime, level: t.level, statusMessage: t.statusMessage,
    inputPreview: t.inputPreview, outputPreview: t.outputPreview,
  };
  const observations: ObservationRow[] = t.observations.map((o) => ({
    id: o.id, traceId: o.traceId, parentId: o.parentId, type: o.type, name: o.name, startTime: o.startTime, endTime: o.endTime,
    completionStartTime: o.completionStartTime, model: o.model, provider: o.provider, modelParameters: json(o.modelParameters),
    level: o.level, statusMessage: o.statusMessage, finishReason: o.finishReason, promptName: o.promptName, promptVersion: o.promptVersion,
    ...(o.usage ?? {}), inputCost: o.inputCost, outputCost: o.outputCost, totalCost: o.totalCost,
  }));
  const payloads: PayloadRow[] = [
    { id: t.id, traceId: t.id, input: json(t.input), output: json(t.output), metadata: json(t.metadata) },
    ...t.observations.map((o) => ({ id: o.id, traceId: t.id, input: json(o.input), output: json(o.output), metadata: json(o.metadata), truncated: o.truncated })),
  ].filter((p) => p.input !== null || p.output !== null || p.metadata !== null);
  return { traces: [trace], observations, payloads };
}

/** Every trace of `from` (all of them, newest first), read in full. */
export async function* allTraces(from: TraceStore): AsyncGenerator<TraceDetail> {
  let cursor: string | null | undefined;
  do {
    const page = await from.listTraces({ from: new Date(0), to: new Date(Date.now() + 86_400_000), limit: 500, cursor });
    for (const summary of page.items) {
      const detail = await from.getTrace(summary.id);
      if (detail) yield detail;
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/** Copies every trace of `from` into `to` in the inline format, showing each to `onTrace`. */
export async function copyInline(from: TraceStore, to: TraceStore, onTrace: (detail: TraceDetail) => void = () => {}): Promise<void> {
  let batch: WriteBatch = { traces: [], observations: [], payloads: [] };
  for await (const detail of allTraces(from)) {
    onTrace(detail);
    const rows = inlineRows(detail);
    batch.traces!.push(...rows.traces!);
    batch.observations!.push(...rows.observations!);
    batch.payloads!.push(...rows.payloads!);
    if (batch.traces!.length >= 50) {
      await to.write(batch);
      batch = { traces: [], observations: [], payloads: [] };
    }
  }
  await to.write(batch);
}
