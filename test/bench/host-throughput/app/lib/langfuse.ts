import { OpenTelemetry } from "@ai-sdk/otel";
import { LangfuseSpanProcessor } from "@langfuse/otel";
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";

interface LangfuseSetup {
  provider: BasicTracerProvider;
  telemetry: OpenTelemetry;
}

const holder = globalThis as { __langfuseHostBench?: LangfuseSetup };

/**
 * The comparison path (DESIGN §6): the AI SDK's `@ai-sdk/otel` integration feeding
 * `@langfuse/otel`'s LangfuseSpanProcessor (batched, its default), exporting OTLP to
 * LANGFUSE_BASE_URL — the load script's local sink, which accepts and discards.
 *
 * The provider is not registered globally (so Loupe's `otel: "auto"` and Next's own spans do
 * not feed it); the integration is passed per call instead. The async-hooks context manager
 * is installed globally, as a NodeSDK / @vercel/otel setup would (the load script warms every
 * variant first, so all measured rounds run with it).
 */
function setup(): LangfuseSetup {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const processor = new LangfuseSpanProcessor({
    publicKey: "pk-lf-bench",
    secretKey: "sk-lf-bench",
    baseUrl: process.env.LANGFUSE_BASE_URL ?? "http://127.0.0.1:9",
    exportMode: "batched",
  });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  return { provider, telemetry: new OpenTelemetry({ tracer: provider.getTracer("gen_ai") }) };
}

/** The process's one Langfuse setup (on globalThis: route bundles share it). */
export const langfuse: LangfuseSetup = (holder.__langfuseHostBench ??= setup());
