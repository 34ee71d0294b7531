import { ANSWER_END } from "./app/lib/scripted-model.js";

/** One load phase against one URL. */
export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** Stop earlier once this many requests were started (all clients together). */
  maxRequests: number;
  /** The body of request `n` of `client`. */
  body: (client: number, n: number) => string;
  /** Request numbers per client continue from here (so conversations move on across phases). */
  firstRequest: (client: number) => number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Extra request headers (e.g. `accept-encoding`). */
  headers?: Record<string, string>;
}

/** What a phase measured. */
export interface LoadResult {
  requests: number;
  /** Latency per request, ms: from sending to the last body byte. */
  latenciesMs: number[];
  elapsedMs: number;
  /** Requests made by each client (to continue their conversations in the next phase). */
  perClient: number[];
}

/**
 * Runs `concurrency` closed-loop clients for `durationMs` (or `maxRequests`): each posts a
 * chat, reads the whole streamed body and posts the next. Any non-200 answer, truncated
 * body or timeout fails the phase loudly (the first error rejects).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const perClient = Array.from({ length: options.concurrency }, () => 0);
  const started = performance.now();
  const deadline = started + options.durationMs;
  let startedRequests = 0;
  const stop = new AbortController();

  const client = async (id: number) => {
    while (performance.now() < deadline && startedRequests < options.maxRequests && !stop.signal.aborted) {
      startedRequests += 1;
      const body = options.body(id, options.firstRequest(id) + perClient[id]);
      const t0 = performance.now();
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...options.headers },
        body,
        signal: AbortSignal.any([stop.signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`POST ${options.url} answered ${response.status}: ${text.slice(0, 500)}`);
      if (!text.endsWith(ANSWER_END)) throw new Error(`POST ${options.url}: truncated answer (${text.length} chars): …${text.slice(-120)}`);
      latenciesMs.push(performance.now() - t0);
      perClient[id] += 1;
    }
  };
  try {
    await Promise.all(perClient.map((_, id) => client(id).catch((error: unknown) => {
      stop.abort();
      throw error;
    })));
  } finally {
    stop.abort();
  }
  return { requests: latenciesMs.length, latenciesMs, elapsedMs: performance.now() - started, perClient };
}
