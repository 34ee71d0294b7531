import { LoupeError } from "./loupe-error.js";
import type { BudgetStatus } from "../domain/budget-status.js";

const marker = "loupe.error.LoupeBudgetExceededError";
const symbol = Symbol.for(marker);

/** Thrown before a model call of a user who is over budget (only in "block" mode). */
export class LoupeBudgetExceededError extends LoupeError {
  private readonly [symbol] = true;

  /** The user's spend and limit when the call was refused. */
  readonly status: BudgetStatus;

  constructor(status: BudgetStatus) {
    super(
      "LoupeBudgetExceededError",
      `User ${status.userId} has spent $${status.spentUsd.toFixed(4)} of a $${status.limitUsd} daily budget; it resets at ${status.resetsAt.toISOString()}.`,
    );
    this.status = status;
  }

  /** True when `error` is a {@link LoupeBudgetExceededError} (works across copies of the package). */
  static override isInstance(error: unknown): error is LoupeBudgetExceededError {
    return LoupeError.hasMarker(error, marker);
  }
}
