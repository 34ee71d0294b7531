/** Test helpers for adapters and hosts: the store conformance suite and row fixtures. */
export { describeStoreConformance } from "./store-conformance.js";
export { makeGeneration, makeScore, makeTrace, testId } from "./fixtures.js";
