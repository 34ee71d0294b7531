/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** A 4xx/5xx answer with a message that says what to do. */
export function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ error: message }, status, headers);
}

/** The 404 every unauthorised admin request gets: nothing is revealed. */
export function notFound(): Response {
  return problem(404, "Not found");
}

/** Reads a JSON body of at most `maxBytes`; returns undefined when it is not valid JSON. */
export async function readJson(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; message: string; status: number }> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBytes) return { ok: false, status: 413, message: `Body too large (max ${maxBytes} bytes).` };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, status: 413, message: `Body too large (max ${maxBytes} bytes).` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: "Body must be JSON." };
  }
}

/** The caller's address as proxies report it (first hop), for rate limiting. */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}
