import { afterEach, describe, expect, it } from "vitest";
import { createLoupe, type Loupe } from "../loupe.js";
import { rawSql, tempSqliteStore } from "../testing/temp-store.js";

const KEY = "otlp-test-key-123";
const URL_ = "http://localhost/api/loupe/v1/traces";
let loupe: Loupe | undefined;
afterEach(async () => {
  await loupe?.shutdown();
  loupe = undefined;
});

const attr = (key: string, value: unknown) => ({
  key,
  value: typeof value === "string" ? { stringValue: value } : typeof value === "number" ? (Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value }) : Array.isArray(value) ? { arrayValue: { values: value.map((v) => ({ stringValue: v })) } } : { boolValue: value },
});

/** A Python worker's agent run: invoke_agent > chat + execute_tool, in OTLP/JSON. */
function validBody(traceId = "0af7651916cd43dd8448eb211c80319c") {
  const t0 = 1_767_225_600_000_000_000n;
  const ns = (ms: number) => String(t0 + BigInt(ms) * 1_000_000n);
  return {
    resourceSpans: [
      {
        resource: { attributes: [attr("service.name", "python-worker"), attr("deployment.environment.name", "production")] },
        scopeSpans: [
          {
            scope: { name: "opentelemetry.instrumentation.openai" },
            spans: [
              { traceId, spanId: "b7ad6b7169203331", name: "invoke_agent summarizer", startTimeUnixNano: ns(0), endTimeUnixNano: ns(900), attributes: [attr("gen_ai.operation.name", "invoke_agent"), attr("gen_ai.agent.name", "summarizer"), attr("ai.settings.context.userId", "worker-user")] },
              { traceId, spanId: "00f067aa0ba902b7", parentSpanId: "b7ad6b7169203331", name: "chat gpt-4o-mini", startTimeUnixNano: ns(10), endTimeUnixNano: ns(610), attributes: [attr("gen_ai.operation.name", "chat"), attr("gen_ai.provider.name", "openai"), attr("gen_ai.request.model", "gpt-4o-mini"), attr("gen_ai.usage.input_tokens", 1000), attr("gen_ai.usage.output_tokens", 500), attr("gen_ai.response.finish_reasons", ["stop"])] },
              { traceId, spanId: "1111111111111111", parentSpanId: "b7ad6b7169203331", name: "execute_tool fetch_doc", startTimeUnixNano: ns(620), endTimeUnixNano: ns(800), status: { code: 2, message: "404 from docs" }, attributes: [attr("gen_ai.operation.name", "execute_tool"), attr("gen_ai.tool.name", "fetch_doc"), attr("gen_ai.tool.call.arguments", '{"id":7}')] },
              { traceId, spanId: "2222222222222222", name: "GET /health", startTimeUnixNano: ns(0), endTimeUnixNano: ns(1), attributes: [attr("http.method", "GET")] },
            ],
          },
        ],
      },
    ],
  };
}

async function setup() {
  loupe = createLoupe({ store: await tempSqliteStore(), registerTelemetry: false, otlpKeys: [KEY], otel: false });
  return loupe;
}
const send = (l: Loupe, body: unknown, headers: Record<string, string> = {}) =>
  l.handlers.POST(new Request(URL_, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${KEY}`, ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));

async function rowCount(l: Loupe): Promise<number> {
  const s = await l.store();
  let n = 0;
  for (const table of ["loupe_traces", "loupe_observations", "loupe_payloads", "loupe_scores"]) {
    const [row] = await rawSql(s).query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`);
    n += Number(row.n);
  }
  return n;
}

describe("OTLP/HTTP JSON endpoint", () => {
  it("stores GenAI spans from another service as a trace with its tree, cost and errors", async () => {
    const l = await setup();
    const response = await send(l, validBody());
    expect(response.status).toBe(200);
    const trace = (await l.query.trace("0af7651916cd43dd8448eb211c80319c"))!;
    expect(trace).toMatchObject({ name: "summarizer", userId: "worker-user", environment: "production", generationCount: 1, level: "ERROR" });
    expect(trace.totalCost).toBeCloseTo((1000 * 0.15 + 500 * 0.6) / 1e6, 12);
    expect(trace.observations.map((o) => [o.type, o.name, o.parentId]).sort()).toEqual([
      ["AGENT", "summarizer", null],
      ["GENERATION", "chat gpt-4o-mini", "b7ad6b7169203331"],
      ["TOOL", "fetch_doc", "b7ad6b7169203331"],
    ]);
    expect(trace.observations.find((o) => o.type === "TOOL")).toMatchObject({ level: "ERROR", statusMessage: "404 from docs", input: { id: 7 } });
  });

  it("refuses without the project key, with a wrong key, and when no key is configured", async () => {
    const l = await setup();
    expect((await send(l, validBody(), { authorization: "" })).status).toBe(401);
    expect((await send(l, validBody(), { authorization: "Bearer nope" })).status).toBe(401);
    const off = createLoupe({ store: await l.store(), registerTelemetry: false, otlpKeys: [] });
    expect((await send(off, validBody())).status).toBe(404);
    await off.shutdown();
    expect(await rowCount(l)).toBe(0);
  });

  it("answers malformed, oversized and mistyped bodies with a 4xx and writes nothing", async () => {
    const l = await setup();
    const body = validBody();
    const spans = body.resourceSpans[0].scopeSpans[0].spans;
    const mutate = (fn: (b: ReturnType<typeof validBody>) => void) => {
      const copy = structuredClone(body);
      fn(copy);
      return copy;
    };
    const cases: [string, unknown, Record<string, string>?][] = [
      ["not JSON", "{resourceSpans: ["],
      ["empty", ""],
      ["an array", [1, 2, 3]],
      ["resourceSpans not an array", { resourceSpans: "x" }],
      ["short traceId", mutate((b) => void (b.resourceSpans[0].scopeSpans[0].spans[1].traceId = "abc"))],
      ["non-hex spanId", mutate((b) => void (b.resourceSpans[0].scopeSpans[0].spans[1].spanId = "zzzzzzzzzzzzzzzz"))],
      ["time as a word", mutate((b) => void ((b.resourceSpans[0].scopeSpans[0].spans[1] as Record<string, unknown>).startTimeUnixNano = "soon"))],
      ["attributes not a list", mutate((b) => void ((b.resourceSpans[0].scopeSpans[0].spans[1] as Record<string, unknown>).attributes = { a: 1 }))],
      ["unknown value type", mutate((b) => void ((b.resourceSpans[0].scopeSpans[0].spans[1].attributes as unknown[])[0] = { key: "k", value: { objectValue: 1 } }))],
      ["status code 9", mutate((b) => void ((b.resourceSpans[0].scopeSpans[0].spans[2] as Record<string, unknown>).status = { code: 9 }))],
      ["ends before it starts", mutate((b) => void (b.resourceSpans[0].scopeSpans[0].spans[1].endTimeUnixNano = "1"))],
      ["one bad span among good ones (never a partial write)", mutate((b) => void ((b.resourceSpans[0].scopeSpans[0].spans[3] as Record<string, unknown>).name = ""))],
      ["protobuf content type", body, { "content-type": "application/x-protobuf" }],
      ["6 MB", { resourceSpans: [], pad: "x".repeat(6 * 1024 * 1024) }],
    ];
    expect(spans).toHaveLength(4);
    for (const [label, payload, headers] of cases) {
      const response = await send(l, payload, headers);
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
      expect((await response.json()).error, label).toBeTruthy();
    }
    expect(await rowCount(l)).toBe(0);
  });

  it("never answers 5xx or writes part of a request under random mutations (fuzz)", async () => {
    const l = await setup();
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const junk = [null, -1, 1.5, "", "x", true, [], {}, "ffffffffffffffffffffffffffffffff", 1e300];
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      value && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => [[...prefix, Array.isArray(value) ? Number(k) : k], ...paths(v, [...prefix, Array.isArray(value) ? Number(k) : k])])
        : [];
    let accepted = 0;
    for (let i = 0; i < 150; i++) {
      const traceId = (i.toString(16).padStart(4, "0") + "0af7651916cd43dd8448eb211c80").slice(0, 32);
      const body = validBody(traceId);
      const all = paths(body);
      const target = all[Math.floor(random() * all.length)];
      let node: Record<string | number, unknown> = body as unknown as Record<string, unknown>;
      for (const key of target.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[target.at(-1)!] = junk[Math.floor(random() * junk.length)];
      const before = await rowCount(l);
      const response = await send(l, body);
      expect(response.status, JSON.stringify(target)).toBeLessThan(500);
      if (response.status >= 400) expect(await rowCount(l), JSON.stringify(target)).toBe(before);
      else accepted += 1;
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
