import { afterEach, describe, expect, it } from "vitest";
import { flushAfterResponse, isServerlessPlatform } from "./index.js";

const saved = { VERCEL: process.env.VERCEL, AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("flushAfterResponse", () => {
  const counting = () => {
    const calls = { n: 0 };
    return { calls, loupe: { flush: async () => void (calls.n += 1) } };
  };

  it("writes after each response on a serverless platform (outside a request: right away)", async () => {
    process.env.VERCEL = "1";
    const { calls, loupe } = counting();
    await flushAfterResponse(loupe);
    expect(calls.n).toBe(1);
  });

  it("leaves a long-running server's batching alone, unless asked to always flush", async () => {
    delete process.env.VERCEL;
    delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    const { calls, loupe } = counting();
    await flushAfterResponse(loupe);
    expect(calls.n).toBe(0);
    await flushAfterResponse(loupe, { always: true });
    expect(calls.n).toBe(1);
  });

  it("recognises the serverless platforms by their environment", () => {
    expect(isServerlessPlatform({})).toBe(false);
    for (const key of ["VERCEL", "AWS_LAMBDA_FUNCTION_NAME", "NETLIFY", "FUNCTION_TARGET", "K_SERVICE", "FUNCTIONS_WORKER_RUNTIME"]) {
      expect(isServerlessPlatform({ [key]: "x" })).toBe(true);
    }
  });
});
