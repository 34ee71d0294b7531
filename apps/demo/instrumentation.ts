import { registerOTel } from "@vercel/otel";

/**
 * OpenTelemetry as a Next.js app normally registers it. Loupe does not need it: its
 * middleware and AI SDK telemetry integration record everything on their own, and both
 * run side by side.
 */
export function register(): void {
  registerOTel({ serviceName: "loupe-demo" });
}
