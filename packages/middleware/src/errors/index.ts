/** Loupe's errors: one class a file, each with `isInstance` (see loupe-error.ts). */
export { LoupeError } from "./loupe-error.js";
export { InvalidCursorError } from "./invalid-cursor-error.js";
export { JudgeOutputError } from "./judge-output-error.js";
export { LoupeBudgetExceededError } from "./loupe-budget-exceeded-error.js";
export { LoupeClientMissingError } from "./loupe-client-missing-error.js";
export { LoupeMigrationError } from "./loupe-migration-error.js";
export { LoupeSqlError } from "./loupe-sql-error.js";
