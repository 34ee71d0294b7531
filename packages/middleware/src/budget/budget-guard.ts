import type { TraceStore } from "../store/trace-store.js";

/** Per-user spending limits, checked before each model call. */
export interface BudgetOptions {
  /** USD a user may spend per UTC day on the host's own traffic (eval traces excluded). */
  perUserDailyUsd: number;
  /** "block" (default): calls of a user over budget throw {@link LoupeBudgetExceededError}; "warn": only reported. */
  mode?: "block" | "warn";
  /** How long a user's spend is cached before it is re-read (ms). Default 10,000. */
  refreshMs?: number;
  /** Called when a user goes over budget (once per refresh). */
  onExceeded?: (status: BudgetStatus) => void;
}

/** A user's spend against the budget. */
export interface BudgetStatus {
  userId: string;
  spentUsd: number;
  limitUsd: number;
  allowed: boolean;
  /** When the daily budget starts again. */
  resetsAt: Date;
}

/** Thrown before a model call of a user who is over budget (only in "block" mode). */
export class LoupeBudgetExceededError extends Error {
  override readonly name = "LoupeBudgetExceededError";
  readonly status: BudgetStatus;
  constructor(status: BudgetStatus) {
    super(`User ${status.userId} has spent $${status.spentUsd.toFixed(4)} of a $${status.limitUsd} daily budget; it resets at ${status.resetsAt.toISOString()}.`);
    this.status = status;
  }
  /** True when `error` is a {@link LoupeBudgetExceededError}. */
  static isInstance(error: unknown): error is LoupeBudgetExceededError {
    return error instanceof Error && error.name === "LoupeBudgetExceededError";
  }
}

interface Entry {
  status: BudgetStatus | undefined;
  fetchedAt: number;
  refreshing: boolean;
}

const MAX_USERS = 50_000;

/**
 * Keeps each user's spend of the day from the daily rollup, refreshed in the background
 * (stale-while-revalidate), so the check on the request path is a Map lookup and never
 * waits for the database. A user seen for the first time is allowed while their spend
 * is read.
 */
export class BudgetGuard {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: BudgetOptions,
    private readonly store: () => Promise<TraceStore>,
    private readonly now: () => number,
    private readonly onInternalError: (error: unknown) => void,
  ) {}

  /** The cached verdict for `userId` (refreshing it in the background when stale). */
  check(userId: string): BudgetStatus | undefined {
    let entry = this.entries.get(userId);
    if (!entry) {
      if (this.entries.size >= MAX_USERS) this.entries.delete(this.entries.keys().next().value as string);
      entry = { status: undefined, fetchedAt: 0, refreshing: false };
      this.entries.set(userId, entry);
    }
    if (!entry.refreshing && this.now() - entry.fetchedAt >= (this.options.refreshMs ?? 10_000)) void this.refresh(userId, entry);
    return entry.status;
  }

  /** Throws when `userId` is known to be over budget in "block" mode. */
  enforce(userId: string | undefined): void {
    if (!userId) return;
    const status = this.check(userId);
    if (status && !status.allowed && (this.options.mode ?? "block") === "block") throw new LoupeBudgetExceededError(status);
  }

  /** Reads `userId`'s spend now (also refreshes the cache). */
  async status(userId: string): Promise<BudgetStatus> {
    const entry = this.entries.get(userId) ?? { status: undefined, fetchedAt: 0, refreshing: false };
    this.entries.set(userId, entry);
    await this.refresh(userId, entry);
    return entry.status!;
  }

  private async refresh(userId: string, entry: Entry): Promise<void> {
    entry.refreshing = true;
    try {
      const store = await this.store();
      const today = new Date(this.now());
      const day = today.toISOString().slice(0, 10);
      const [row] = await store.db.query<{ spent: unknown }>(
        `SELECT COALESCE(SUM(total_cost), 0) AS spent FROM loupe_usage_daily
          WHERE user_id = ${store.sql.param(1)} AND day = ${store.sql.param(2)} AND kind = 'app'`,
        [userId, day],
      );
      const spentUsd = Number(row?.spent ?? 0);
      const limitUsd = this.options.perUserDailyUsd;
      const status: BudgetStatus = {
        userId,
        spentUsd,
        limitUsd,
        allowed: spentUsd < limitUsd,
        resetsAt: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)),
      };
      if (!status.allowed && (entry.status?.allowed ?? true)) this.options.onExceeded?.(status);
      entry.status = status;
      entry.fetchedAt = this.now();
    } catch (error) {
      this.onInternalError(error);
    } finally {
      entry.refreshing = false;
    }
  }
}
