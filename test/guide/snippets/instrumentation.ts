// instrumentation.ts — already on OpenTelemetry? Record the AI SDK's spans too.
import { registerOTel } from "@vercel/otel";
import { loupe } from "./loupe";

export function register() {
  registerOTel({ serviceName: "my-app", spanProcessors: [loupe.spanProcessor()] });
}
