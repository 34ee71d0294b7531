import { currentContext } from "./capture/trace-context.js";
import { withSpan } from "./capture/with-trace.js";
import { attachHttp } from "./loupe-http.js";
import type { Loupe } from "./loupe-api.js";
import { resolveOptions, type LoupeOptions } from "./options.js";
import { LoupeSpanProcessor } from "./otel/loupe-span-processor.js";
import { judgeAgreement } from "./query/agreement.js";
import { buildRuntime } from "./runtime.js";

export type { Loupe, LoupeQuery, LoupeStats } from "./loupe-api.js";
export type { LoupeOptions } from "./options.js";

/**
 * Creates Loupe. Two lines in a host app:
 *
 * ```ts
 * export const loupe = createLoupe();
 * const model = wrapLanguageModel({ model: openai("gpt-4o-mini"), middleware: loupe.middleware() });
 * ```
 *
 * It reads like a table of contents: resolve the options (defaults and environment
 * variables in one place), build the runtime (store, writer, recorder, capture hooks,
 * budget, evaluations), attach HTTP (authorize, data routes, feedback tokens).
 */
export function createLoupe(options: LoupeOptions = {}): Loupe {
  const resolved = resolveOptions(options);
  const runtime = buildRuntime(resolved);
  const http = attachHttp(runtime, resolved);
  const { store, writer, recorder } = runtime;
  const read = <T>(fn: (s: Awaited<ReturnType<typeof store>>) => Promise<T>) => store().then(fn);

  return {
    // Capture
    middleware: () => runtime.middleware,
    telemetry: () => runtime.telemetry,
    withTrace: runtime.withTrace,
    withSpan: (name, fn, spanOptions) => withSpan(recorder, name, fn, spanOptions),
    currentTraceId: () => currentContext()?.trace.id,
    enqueue: (event) => recorder.push(event),
    spanProcessor: () => new LoupeSpanProcessor({ enqueue: (event) => recorder.push(event), flush: () => writer.flush(), environment: recorder.environment }),
    score: runtime.score,
    // HTTP
    authorize: http.authorize,
    handlers: http.handlers,
    feedbackToken: http.feedbackToken,
    // Writer and lifecycle
    flush: () => writer.flush(),
    shutdown: runtime.shutdown,
    stats: () => ({ ...writer.stats(), internalErrors: runtime.internalErrors(), writerThread: runtime.writerThread() }),
    // Reads
    store,
    query: {
      trace: (id) => read((s) => s.getTrace(id)),
      traces: (query) => read((s) => s.listTraces(query)),
      sessions: (query) => read((s) => s.listSessions(query)),
      usageDaily: () => read((s) => s.usageDaily()),
    },
    priceBook: runtime.priceBook,
    evaluations: runtime.evaluations,
    budgetStatus: async (userId) => runtime.budget?.status(userId),
    agreement: (agreementOptions) => read((s) => judgeAgreement(s, agreementOptions)),
  };
}
