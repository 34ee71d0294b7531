import type { BudgetStatus } from "../domain/budget-status.js";
import { LoupeBudgetExceededError } from "../errors/loupe-budget-exceeded-error.js";
import type { TraceStore } from "../store/trace-store.js";

export type { BudgetStatus } from "../domain/budget-status.js";

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

  private readonly options: BudgetOptions;
  private readonly store: () => Promise<TraceStore>;
  private readonly now: () => number;
  private readonly onInternalError: (error: unknown) => void;

  constructor(deps: { options: BudgetOptions; store: () => Promise<TraceStore>; now: () => number; onInternalError: (error: unknown) => void }) {
    this.options = deps.options;
    this.store = deps.store;
    this.now = deps.now;
    this.onInternalError = deps.onInternalError;
  }

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
      const spentUsd = await store.spend({ day, kind: "app", userId });
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
