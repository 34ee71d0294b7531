import { registerTelemetry, type Telemetry } from "ai";

/**
 * Registers Loupe's telemetry integration with the AI SDK globally and returns how to
 * take it back. The AI SDK (v7) offers `registerTelemetry` but no unregister: it keeps
 * the integrations in `globalThis.AI_SDK_TELEMETRY_INTEGRATIONS`, so that is where the
 * integration is removed from (this file is the only place that knows).
 */
export function registerLoupeTelemetry(telemetry: Telemetry): () => void {
  registerTelemetry(telemetry);
  return () => {
    const registered = (globalThis as { AI_SDK_TELEMETRY_INTEGRATIONS?: unknown[] }).AI_SDK_TELEMETRY_INTEGRATIONS;
    const index = registered?.indexOf(telemetry) ?? -1;
    if (index >= 0) registered!.splice(index, 1);
  };
}
