import { describe, expect, it } from "vitest";
import { encodeMessageRef, parseMessageRef } from "../domain/message-refs.js";
import { addressPayload, canonicalJson, MessageRowSet, MIN_ADDRESSED_LENGTH } from "./content-address.js";
import { serializePayload } from "./serialize-payload.js";

const target = { field: "input", observationType: "GENERATION" } as const;

describe("content addressing", () => {
  it("hashes equal messages alike whatever their key order, and keeps the first writer's text", () => {
    const rows = new MessageRowSet();
    const a = rows.message("user", JSON.stringify({ role: "user", content: [{ type: "text", text: "hi" }] }));
    const b = rows.message("user", JSON.stringify({ content: [{ text: "hi", type: "text" }], role: "user" }));
    expect(b).toBe(a);
    expect(rows.messages.size).toBe(1);
    expect(rows.messages.get(a)?.content).toBe('{"role":"user","content":[{"type":"text","text":"hi"}]}');
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(rows.message("user", JSON.stringify({ role: "user", content: [{ type: "text", text: "hi!" }] }))).not.toBe(a);
  });

  it("writes canonical JSON without building objects (odd keys stay data)", () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":true},"a":[{"d":null,"c":"é"}]}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":true},"a":[{"c":"é","d":null}],"b":1}');
    expect(({} as { x?: boolean }).x).toBeUndefined();
  });

  it("shares list nodes between a history and its continuation", () => {
    const rows = new MessageRowSet();
    const turn1 = [{ role: "system", content: "s" }, { role: "user", content: [{ type: "text", text: "q1" }] }];
    const turn2 = [...turn1, { role: "assistant", content: [{ type: "text", text: "a1" }] }, { role: "user", content: [{ type: "text", text: "q2" }] }];
    const first = parseMessageRef(addressPayload(turn1, target, 10_000, rows)!.json)!;
    const second = parseMessageRef(addressPayload(turn2, target, 10_000, rows)!.json)!;
    expect([first.view, second.view]).toEqual(["l", "l"]);
    expect(rows.lists.size).toBe(4);
    expect(rows.messages.size).toBe(4);
    const head = rows.lists.get(second.node)!;
    expect(head.position).toBe(3);
    expect(rows.lists.get(rows.lists.get(head.parentHash!)!.parentHash!)!.hash).toBe(first.node);
  });

  it("stores a string content as the text part a provider prompt has, flagged to read back as a string", () => {
    const rows = new MessageRowSet();
    const asString = parseMessageRef(addressPayload([{ role: "user", content: "q" }], target, 10_000, rows)!.json)!;
    const asParts = parseMessageRef(addressPayload([{ role: "user", content: [{ type: "text", text: "q" }] }], target, 10_000, rows)!.json)!;
    expect(rows.messages.size).toBe(1);
    expect(rows.lists.get(asString.node)).toMatchObject({ textContent: true });
    expect(rows.lists.get(asParts.node)).toMatchObject({ textContent: false });
  });

  it("keeps short values, non-messages and oversized fields inline (the cap's marker unchanged)", () => {
    const rows = new MessageRowSet();
    expect(addressPayload("short", { field: "output", observationType: "AGENT" }, 10_000, rows)!.json).toBe('"short"');
    expect(addressPayload({ city: "Paris" }, { field: "input", observationType: "TOOL" }, 10_000, rows)!.json).toBe('{"city":"Paris"}');
    const long = "x".repeat(MIN_ADDRESSED_LENGTH);
    expect(parseMessageRef(addressPayload(long, { field: "output", observationType: "AGENT" }, 10_000, rows)!.json)?.view).toBe("t");
    const list = [{ role: "user", content: "y".repeat(500) }];
    const huge = addressPayload(list, target, 300, rows)!;
    expect(huge.truncated).toBe(true);
    expect(huge.json).toBe(serializePayload(list, 300)!.json);
    expect(rows.messages.size).toBe(1);
  });

  it("tells references from JSON text by their exact shape", () => {
    const ref = encodeMessageRef({ view: "c", node: "A".repeat(22) });
    expect(parseMessageRef(ref)).toEqual({ view: "c", node: "A".repeat(22) });
    for (const text of ['"@l:x"', "@l:short", `@x:${"A".repeat(22)}`, `@l:${"A".repeat(23)}`, null, 42]) expect(parseMessageRef(text)).toBeNull();
  });
});
