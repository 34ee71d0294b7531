/** Test helpers for adapters and hosts: the shared suites (store conformance, dashboard reads), fixtures, a scripted model. */
export { describeStoreConformance } from "./store-conformance.js";
export { describeDashboardQueries } from "./dashboard-suite.js";
export { makeGeneration, makeScore, makeTrace, testId } from "./fixtures.js";
export { scriptedModel, manualClock, type ScriptedStep, type ManualClock } from "./scripted-model.js";
export { tempSqliteStore, rawSql } from "./temp-store.js";
export { migrateUpTo, migrationNames } from "./migrate-up-to.js";
