import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLoupe, createPostgresStore, createSqliteStore, type TraceStore } from "@loupe/middleware";
import { makeGeneration, makeTrace, manualClock, migrateUpTo, migrationNames, rawSql, scriptedModel, testId } from "@loupe/middleware/testing";
import { generateText, wrapLanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { freshPostgresDatabase } from "../support/postgres.js";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Checksums of migrations that have landed: a host's database recorded them, so they
 * may never change (Loupe refuses to start on a mismatch). Add each new migration here
 * once it lands on main; change nothing else.
 */
const LANDED: Record<string, string> = {
  "sqlite/20261125000000_init": "7780e7893c21021f8ef954520d5e1b3703a0b897739a4bd7c0632609c25647cf",
  "postgres/20261125000000_init": "bd6e672bc58a0b1af14752e26c97e9c75c4eb7188fb56af1abf385b1b8a185d9",
  "sqlite/20261201000000_content_addressed_messages": "3304ab8bd712e1df28db2e323ef8cd825bdbaee8d2f736e18130ce90c196243b",
  "postgres/20261201000000_content_addressed_messages": "6f2d454c52054485fdc1fb583c7e0894cdf663c63bd752c0b3eceef2fc5291fe",
};

/** The last migration before content-addressed messages: what a database of the previous release has. */
const PREVIOUS = "20261125000000_init";

const SYSTEM = `You are a careful assistant. ${"Keep answers short. ".repeat(30)}`;

/** Rows as the previous release wrote them: every payload inline JSON, history re-sent. */
function oldFormatTurns(sessionId: string) {
  const history: unknown[] = [];
  return Array.from({ length: 3 }, (_, i) => {
    const trace = makeTrace({ sessionId, userId: "old-user", startTime: new Date(Date.parse("2026-05-01T10:00:00Z") + i * 60_000) });
    const generation = makeGeneration(trace.id, { startTime: trace.startTime });
    history.push({ role: "user", content: [{ type: "text", text: `old question ${i} ${sessionId}` }] });
    const prompt = [{ role: "system", content: SYSTEM }, ...history];
    const output = [{ type: "text", text: `old answer ${i}` }];
    history.push({ role: "assistant", content: output });
    return {
      trace,
      generation,
      prompt,
      output,
      payloads: [
        { id: trace.id, traceId: trace.id, input: JSON.stringify(history.slice(0, -1)), output: JSON.stringify(`old answer ${i}`) },
        { id: generation.id, traceId: trace.id, input: JSON.stringify(prompt), output: JSON.stringify(output), metadata: JSON.stringify({ responseId: `r-${i}` }) },
      ],
    };
  });
}

async function upgradeAndCheck(open: () => Promise<TraceStore>) {
  const store = await open();
  try {
    expect(await migrateUpTo(store, PREVIOUS)).toEqual([PREVIOUS]);
    const sessionId = testId("old-session");
    const turns = oldFormatTurns(sessionId);
    for (const t of turns) await store.write({ traces: [t.trace], observations: [t.generation], payloads: t.payloads });

    // Upgrade: only the new migration runs, on a database full of the old format.
    expect(await store.migrate()).toEqual(migrationNames(store).filter((name) => name !== PREVIOUS));
    expect(await store.migrate()).toEqual([]);
    for (const [i, t] of turns.entries()) {
      const detail = await store.getTrace(t.trace.id);
      expect(detail?.input).toStrictEqual(JSON.parse(t.payloads[0].input!));
      expect(detail?.output).toBe(`old answer ${i}`);
      expect(detail?.observations[0]).toMatchObject({ input: t.prompt, output: t.output, metadata: { responseId: `r-${i}` } });
    }
    const range = { from: new Date("2026-04-30T00:00:00Z"), to: new Date("2026-05-02T00:00:00Z") };
    expect((await store.listTraces({ ...range, search: `old question 0 ${sessionId}` })).items).toHaveLength(3);

    // The upgraded database takes content-addressed writes, next to the old rows.
    const clock = manualClock(Date.parse("2026-05-01T11:00:00Z"));
    const loupe = createLoupe({ store, registerTelemetry: false, _internal: { now: clock.now } });
    const model = wrapLanguageModel({ model: scriptedModel([{ text: "new answer", usage: { input: 10, output: 2 } }], clock), middleware: loupe.middleware() });
    const messages = [...turns.flatMap((t) => [{ role: "user" as const, content: `new turn after ${t.trace.id}` }])];
    const traceId = await loupe.withTrace({ name: "chat", sessionId }, async () => {
      await generateText({ model, system: SYSTEM, messages });
      return loupe.currentTraceId()!;
    });
    expect(await loupe.flush()).toBe(true);
    await loupe.shutdown();
    const fresh = await store.getTrace(traceId);
    expect(fresh?.observations[0].input).toStrictEqual([
      { role: "system", content: SYSTEM },
      ...messages.map((m) => ({ role: "user", content: [{ type: "text", text: m.content }] })),
    ]);
    const [{ n }] = await rawSql(store).query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM loupe_messages`);
    expect(Number(n)).toBe(4);
    const session = await store.getSession(sessionId);
    expect(session?.turns.map((turn) => turn.id)).toEqual([...turns.map((t) => t.trace.id), traceId]);
    expect(session?.turns[0].input).toStrictEqual(JSON.parse(turns[0].payloads[0].input!));
    expect((await store.listTraces({ ...range, search: "new turn after" })).items.map((t) => t.id)).toEqual([traceId]);
  } finally {
    await store.close();
  }
}

describe("migrations", () => {
  it("landed migrations never change (their checksums are pinned)", () => {
    for (const dialect of ["sqlite", "postgres"]) {
      const dir = path.join(root, "prisma", dialect, "migrations");
      for (const name of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
        const key = `${dialect}/${name}`;
        if (!(key in LANDED)) continue;
        const checksum = createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"))).digest("hex");
        expect({ key, checksum }).toEqual({ key, checksum: LANDED[key] });
      }
    }
  });

  it("SQLite: upgrades a database of the previous release with data in it", async () => {
    await upgradeAndCheck(() => createSqliteStore({ url: path.join(mkdtempSync(path.join(tmpdir(), "loupe-upgrade-")), "old.db"), autoMigrate: false }));
  });

  it("Postgres: upgrades a database of the previous release with data in it", async () => {
    const url = await freshPostgresDatabase("upgrade");
    await upgradeAndCheck(() => createPostgresStore({ url, autoMigrate: false }));
  });
});
