/** A user's spend of the day against the budget. */
export interface BudgetStatus {
  userId: string;
  spentUsd: number;
  limitUsd: number;
  allowed: boolean;
  /** When the daily budget starts again. */
  resetsAt: Date;
}
