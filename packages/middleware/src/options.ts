import { randomUUID } from "node:crypto";
import type { Tracer } from "@opentelemetry/api";
import type { BudgetOptions } from "./budget/budget-guard.js";
import type { ModelPriceInput } from "./cost/index.js";
import type { EvaluationRunnerOptions } from "./eval/evaluation-runner.js";
import type { PrismaLike, StoreChoice, TraceStore } from "./store/index.js";
import type { MaskFunction } from "./writer/event-to-rows.js";

/** Options of {@link createLoupe}. Everything is optional: the default is embedded SQLite. */
export interface LoupeOptions {
  /** An opened store (takes precedence over the options below). */
  store?: TraceStore;
  /** `file:./x.db` (SQLite) or `postgres://…`. Default: LOUPE_DATABASE_URL, else `file:.loupe/loupe.db`. */
  databaseUrl?: string;
  /** Your own Prisma client whose schema includes Loupe's models; say which database it is. */
  prisma?: PrismaLike;
  provider?: "sqlite" | "postgres";
  /** Apply Loupe's migrations on start. Default: yes for Loupe's own database, no for your client. */
  autoMigrate?: boolean;
  /** Fraction of traces recorded, decided by trace id (same id, same decision). Default 1. */
  sampleRate?: number;
  /** Store prompts / outputs. Default true. */
  recordInputs?: boolean;
  recordOutputs?: boolean;
  /** Redacts a payload before it is stored (runs in the writer, off the request path). */
  mask?: MaskFunction;
  /** Cap of each stored payload, in characters; longer ones keep a marked preview. Default 262,144. */
  maxPayloadLength?: number;
  /** Default: VERCEL_ENV / NODE_ENV. */
  environment?: string;
  /** Default: VERCEL_GIT_COMMIT_SHA. */
  release?: string;
  /** Your prices: added to, and preferred over, the built-in table. */
  prices?: ModelPriceInput[];
  /** Use only your prices. Default false. */
  disableBuiltInPrices?: boolean;
  /** Writer tuning. */
  writer?: {
    batchSize?: number;
    flushIntervalMs?: number;
    maxBufferSize?: number;
    maxRetryDelayMs?: number;
    /**
     * Where rows are serialised, priced and written. "worker" (default when Loupe opens
     * its own database from `databaseUrl`): a worker thread that owns the connection, so
     * the host's event loop only copies events into a message. "main": in the host's
     * thread — always the case with your own `prisma` client or an opened `store` (they
     * cannot move to another thread), and the fallback when no worker can start.
     */
    thread?: "worker" | "main";
    /** How long shutdown, SIGTERM/SIGINT and process exit may spend writing what is pending, in ms. Default 10,000. */
    exitTimeoutMs?: number;
  };
  /**
   * Register Loupe's AI SDK telemetry integration globally (agent steps and tool calls).
   * Default true. With per-call `telemetry.integrations`, add `loupe.telemetry()` there.
   */
  registerTelemetry?: boolean;
  /**
   * Who may see the admin pages and data routes. Required for them to answer at all:
   * without it, or when it returns false, every admin request gets 404.
   */
  authorize?: (request: Request) => boolean | Promise<boolean>;
  /** Where `loupe.handlers` are mounted. Default "/api/loupe". */
  apiBasePath?: string;
  /** Secret for signing feedback tokens (≥ 16 chars). Default: LOUPE_SECRET. */
  feedbackSecret?: string;
  /** How long a feedback token stays valid, in seconds. Default 7 days. */
  feedbackTokenTtlSeconds?: number;
  /** End-user votes allowed per IP and user per minute. Default 30. */
  feedbackRateLimitPerMinute?: number;
  /**
   * Also emit OpenTelemetry GenAI spans (`chat {model}`, `execute_tool {name}`) under the
   * host's active span. "auto" (default): when a tracer provider is registered. Or pass a tracer.
   */
  otel?: boolean | "auto" | { tracer?: Tracer; recordContent?: boolean };
  /** Project keys accepted by the OTLP endpoint (`…/v1/traces`). Default: LOUPE_OTLP_KEY (comma-separated). */
  otlpKeys?: string[];
  /** Per-user daily spending limit, enforced before each model call (see BudgetOptions). */
  budget?: BudgetOptions;
  /** Limits of online evaluation (concurrency, retries, daily cost cap, queue size). */
  evaluation?: EvaluationRunnerOptions;
  /** Log Loupe's internal errors (true: console.warn; or your function). */
  debug?: boolean | ((message: string, error?: unknown) => void);
  /**
   * The clock Loupe stamps events with (epoch ms). Default `Date.now`. Set it to replay
   * or backfill history (the demo's seed records 30 days on a back-dated clock).
   */
  now?: () => number;
  /** For tests: injected clock and id generator (`_internal.now` is the same as `now`). */
  _internal?: { now?: () => number; generateId?: () => string };
}


/** {@link LoupeOptions} with every default applied: the one place Loupe reads the environment. */
export interface ResolvedOptions {
  options: LoupeOptions;
  storeChoice: StoreChoice;
  environment: string;
  release: string | undefined;
  now: () => number;
  generateId: () => string;
  otlpKeys: string[];
  feedbackSecret: string | undefined;
  otel: { tracer: Tracer | undefined; recordContent: boolean } | undefined;
  log: ((message: string, error?: unknown) => void) | undefined;
}

/** Applies defaults and environment variables (LOUPE_DATABASE_URL, LOUPE_SECRET, LOUPE_OTLP_KEY, VERCEL_ENV, NODE_ENV, VERCEL_GIT_COMMIT_SHA, OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT). */
export function resolveOptions(options: LoupeOptions, env: Record<string, string | undefined> = process.env): ResolvedOptions {
  const otel = typeof options.otel === "object" ? options.otel : undefined;
  return {
    options,
    storeChoice: {
      store: options.store,
      prisma: options.prisma,
      provider: options.provider,
      databaseUrl: options.databaseUrl ?? env.LOUPE_DATABASE_URL,
      autoMigrate: options.autoMigrate,
    },
    environment: options.environment ?? (env.VERCEL_ENV || env.NODE_ENV || "default"),
    release: options.release ?? (env.VERCEL_GIT_COMMIT_SHA || undefined),
    now: options.now ?? options._internal?.now ?? Date.now,
    generateId: options._internal?.generateId ?? randomUUID,
    otlpKeys: options.otlpKeys ?? (env.LOUPE_OTLP_KEY ?? "").split(",").map((k) => k.trim()).filter(Boolean),
    feedbackSecret: options.feedbackSecret ?? env.LOUPE_SECRET,
    otel: options.otel === false ? undefined : { tracer: otel?.tracer, recordContent: otel?.recordContent ?? env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT === "true" },
    log:
      options.debug === true
        ? (message, error) => console.warn(`[loupe] ${message}`, error ?? "")
        : typeof options.debug === "function"
          ? options.debug
          : undefined,
  };
}
