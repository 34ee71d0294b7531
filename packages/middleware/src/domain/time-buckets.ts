/** The width of a chart bucket. */
export type Grain = "hour" | "day";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Hourly buckets up to two days, daily beyond. */
export function pickGrain(from: Date, to: Date): Grain {
  return to.getTime() - from.getTime() <= 2 * DAY ? "hour" : "day";
}

/** The bucket key of a date: "YYYY-MM-DDTHH" (hour) or "YYYY-MM-DD" (day), UTC. */
export function bucketOf(date: Date, grain: Grain): string {
  const iso = date.toISOString();
  return grain === "day" ? iso.slice(0, 10) : iso.slice(0, 13);
}

/** The start of a bucket key as a Date. */
export function bucketStart(key: string): Date {
  return new Date(key.length === 10 ? `${key}T00:00:00.000Z` : `${key}:00:00.000Z`);
}

/** Every bucket key from the one holding `from` to the one holding the last instant before `to`. */
export function bucketRange(from: Date, to: Date, grain: Grain, max = 2_000): string[] {
  const step = grain === "day" ? DAY : HOUR;
  const keys: string[] = [];
  let t = bucketStart(bucketOf(from, grain)).getTime();
  const end = to.getTime();
  while (t < end && keys.length < max) {
    keys.push(bucketOf(new Date(t), grain));
    t += step;
  }
  return keys;
}

/** Midnight UTC on or after `date`. */
export function ceilDay(date: Date): Date {
  const start = bucketStart(bucketOf(date, "day"));
  return start.getTime() === date.getTime() ? start : new Date(start.getTime() + DAY);
}

/** Midnight UTC on or before `date`. */
export function floorDay(date: Date): Date {
  return bucketStart(bucketOf(date, "day"));
}
