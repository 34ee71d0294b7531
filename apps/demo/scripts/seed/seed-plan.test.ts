import { describe, expect, it } from "vitest";
import type { PlannedTurn } from "./plan-traffic";
import { drawTurn, planSeedHistory, SEED_SAMPLES, XSS_PROMPT } from "./run-seed";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 30 consecutive end dates from `first`, each at another time of day (0:00, 0:47, 1:34, …). */
function endDates(first: string): number[] {
  return Array.from({ length: 30 }, (_, i) => Date.parse(first) + i * DAY + i * 47 * 60_000);
}

/** Everything about a turn except its time: what a test or a user reads off the history. */
function content(turns: PlannedTurn[]): string[] {
  return turns
    .map((t) => {
      const d = drawTurn(t);
      const what = [t.sessionId, t.turn, t.userId, t.prompt, t.model.modelId, t.environment, t.release, t.plan, t.seed, t.sample ?? ""];
      return JSON.stringify([...what, d.fault?.status ?? 0, d.feedback ? (d.feedback.up ? "up" : "down") : "", d.judged]);
    })
    .sort();
}

/** What the e2e suites rely on, for a history ending at `end` and viewed at `now`. */
function facts(turns: PlannedTurn[], end: number, now: number) {
  const within = (ms: number) => turns.filter((t) => t.at >= now - ms && t.at <= now);
  const samples = turns.filter((t) => t.sample === "xss");
  return {
    samples: samples.length,
    sampleFaulted: samples.some((t) => drawTurn(t).fault !== undefined),
    sampleAgeHours: samples.map((t) => (end - t.at) / HOUR),
    last24h: within(DAY).length,
    last30d: within(30 * DAY).length,
    grace7d: within(7 * DAY).filter((t) => t.userId === "grace").length,
    feedback30d: within(30 * DAY).filter((t) => drawTurn(t).feedback).length,
    judged30d: within(30 * DAY).filter((t) => drawTurn(t).judged).length,
    sessions30d: new Set(within(30 * DAY).map((t) => t.sessionId)).size,
  };
}

describe("the seeded history is the same whatever day the suite runs", () => {
  const reference = content(planSeedHistory({ end: Date.parse("2026-12-01T00:00:00Z") }));

  // Across a month boundary (Jan → Feb), and across the end of November into December.
  for (const first of ["2026-01-17T00:00:00Z", "2026-11-16T00:00:00Z"]) {
    it(`plans the same sessions, prompts, faults, votes and judge runs for 30 end dates from ${first.slice(0, 10)}`, () => {
      const months = new Set<number>();
      for (const end of endDates(first)) {
        months.add(new Date(end).getUTCMonth());
        const turns = planSeedHistory({ end });
        expect(turns).toHaveLength(3000);
        expect(content(turns)).toEqual(reference);
        // The demo seeds with end = now − 5 min and the tests run within the next hour.
        const f = facts(turns, end, end + 5 * 60_000 + HOUR);
        expect(f.samples).toBe(1);
        expect(f.sampleFaulted).toBe(false);
        expect(f.sampleAgeHours).toEqual([3]);
        expect(f.last24h).toBeGreaterThan(30);
        expect(f.last24h).toBeLessThan(f.last30d);
        expect(f.last30d).toBeGreaterThan(2900);
        expect(f.grace7d).toBeGreaterThan(5);
        expect(f.feedback30d).toBeGreaterThan(100);
        expect(f.judged30d).toBeGreaterThan(100);
        expect(f.sessions30d).toBeGreaterThan(100);
      }
      expect(months.size).toBe(2);
    });
  }

  it("keeps every turn inside its window and the XSS sample by grace, tagged and never faulted", () => {
    const end = Date.parse("2026-02-28T23:59:00Z");
    const turns = planSeedHistory({ end });
    expect(turns.every((t) => t.at >= end - 30 * DAY)).toBe(true);
    expect(turns.map((t) => t.at)).toEqual([...turns.map((t) => t.at)].sort((a, b) => a - b));
    const [xss] = turns.filter((t) => t.sample);
    expect(xss).toMatchObject({ userId: "grace", prompt: XSS_PROMPT, sessionId: "conv_sample_xss", sample: "xss" });
    expect(SEED_SAMPLES.map((s) => s.name)).toEqual(["xss"]);
  });

  it("faults about 3% of turns, so the sample's exemption is what keeps it clean", () => {
    const turns = planSeedHistory({ end: Date.parse("2026-12-01T00:00:00Z") });
    const faulted = turns.filter((t) => drawTurn(t).fault).length;
    expect(faulted).toBeGreaterThan(45);
    expect(faulted).toBeLessThan(135);
    // The sample's own seed, without the exemption, is irrelevant: no sample is ever faulted.
    const sample = turns.find((t) => t.sample)!;
    for (let seed = 1; seed < 400; seed++) expect(drawTurn({ ...sample, seed }).fault).toBeUndefined();
  });
});
