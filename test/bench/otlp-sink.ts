/**
 * A stand-in OTLP endpoint in its own process (as a real Langfuse server would be): it
 * accepts every export and discards it. Started by host-cost-bench.ts over IPC.
 */
import { createServer } from "node:http";

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as { port: number }).port }));
process.on("disconnect", () => process.exit(0));
