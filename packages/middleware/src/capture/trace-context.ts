import { AsyncLocalStorage } from "node:async_hooks";
import type { Level, TraceKind } from "../domain/rows.js";

/** What a host says about a trace (all optional). */
export interface TraceAttributes {
  /** Reuse an id (e.g. your request id); default: a new UUID. */
  id?: string;
  name?: string;
  userId?: string;
  sessionId?: string;
  tags?: string[];
  metadata?: Record<string, unknown>;
  /** Default: VERCEL_ENV, else NODE_ENV, else "default". */
  environment?: string;
  /** Default: VERCEL_GIT_COMMIT_SHA. */
  release?: string;
  version?: string;
  /** The request input shown on the trace (e.g. the user's message). */
  input?: unknown;
  /** Record this trace at all (per-call opt-out). Default true (subject to sampling). */
  record?: boolean;
  /** Override the instance's recordInputs / recordOutputs for this trace. */
  recordInputs?: boolean;
  recordOutputs?: boolean;
  /** "eval" marks judge runs (kept out of per-user cost). */
  kind?: TraceKind;
}

/**
 * Mutable state of one trace while it runs. Shared by everything inside it; only
 * touched on the request path with O(1) field writes.
 */
export interface TraceState {
  readonly id: string;
  readonly startTime: number;
  readonly attributes: TraceAttributes;
  readonly environment: string;
  readonly release: string | undefined;
  /** False when sampled out or opted out: nothing inside the trace is recorded. */
  readonly recording: boolean;
  readonly recordInputs: boolean;
  readonly recordOutputs: boolean;
  /** Observations started and not yet ended (streams may outlive the host's function). */
  pending: number;
  /** The host's function has settled. */
  settled: boolean;
  endTime: number | undefined;
  level: Level;
  statusMessage: string | undefined;
  /** First generation input and last generation output, for the trace's previews. */
  firstInput: unknown;
  lastOutput: unknown;
  output: unknown;
}

/** The active context: the trace and the observation new work nests under. */
export interface LoupeContext {
  readonly trace: TraceState;
  readonly parentId: string | undefined;
}

const storage = new AsyncLocalStorage<LoupeContext>();

/** The context of the running code, if any. */
export function currentContext(): LoupeContext | undefined {
  return storage.getStore();
}

/** Runs `fn` outside any trace (background work such as online evaluation). */
export function runOutsideContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

/** Runs `fn` with `context` active. */
export function runInContext<T>(context: LoupeContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** Deterministic sampling by trace id: the same id is always in or out at a given rate. */
export function isSampled(traceId: string, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  // FNV-1a over the id: cheap, stable across processes and languages.
  let hash = 0x811c9dc5;
  for (let i = 0; i < traceId.length; i++) {
    hash ^= traceId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x1_0000_0000 < rate;
}
