/** Test helpers for adapters and hosts: the store conformance suite and row fixtures. */
export { describeStoreConformance } from "./store-conformance.js";
export { makeGeneration, makeScore, makeTrace, testId } from "./fixtures.js";
export { describeDashboardQueries } from "../query/dashboard/dashboard-suite.js";
export { scriptedModel, manualClock, type ScriptedStep, type ManualClock } from "./scripted-model.js";
export { tempSqliteStore } from "./temp-store.js";
