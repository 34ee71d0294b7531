// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LoupeFeedback } from "./loupe-feedback.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
const button = (label: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
const click = async (el: HTMLElement) => {
  await act(async () => {
    el.click();
  });
};

beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe("LoupeFeedback", () => {
  it("posts a vote, shows it pressed, and lets the user change it", async () => {
    const fetchMock = vi.fn(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    await act(async () => root.render(<LoupeFeedback traceId="t1" token="tok" initialValue={null} apiBasePath="/api/x" />));
    expect(button("Good answer").getAttribute("aria-pressed")).toBe("false");
    await click(button("Good answer"));
    expect(button("Good answer").getAttribute("aria-pressed")).toBe("true");
    expect(fetchMock).toHaveBeenCalledWith("/api/x/feedback", expect.objectContaining({ method: "POST", body: JSON.stringify({ token: "tok", value: 1 }) }));
    await click(button("Bad answer"));
    expect(button("Bad answer").getAttribute("aria-pressed")).toBe("true");
    expect(button("Good answer").getAttribute("aria-pressed")).toBe("false");
  });

  it("offers a comment after a thumbs down and sends it", async () => {
    const fetchMock = vi.fn(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    await act(async () => root.render(<LoupeFeedback traceId="t1" token="tok" initialValue={null} />));
    await click(button("Bad answer"));
    const textarea = container.querySelector("textarea")!;
    expect(container.querySelector(`label[for="${textarea.id}"]`)?.textContent).toMatch(/what went wrong/i);
    textarea.value = "wrong city";
    await act(async () => {
      container.querySelector("form")!.requestSubmit();
    });
    expect(fetchMock).toHaveBeenLastCalledWith("/api/loupe/feedback", expect.objectContaining({ body: JSON.stringify({ token: "tok", value: 0, comment: "wrong city" }) }));
  });

  it("rolls the vote back and says so when saving fails", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("no", { status: 500 })));
    await act(async () => root.render(<LoupeFeedback traceId="t1" token="tok" initialValue={1} />));
    await click(button("Bad answer"));
    expect(button("Good answer").getAttribute("aria-pressed")).toBe("true");
    expect(button("Bad answer").getAttribute("aria-pressed")).toBe("false");
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/could not save/i);
  });

  it("loads the current vote when none is given", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ value: 0, comment: "meh" }), { status: 200 })));
    await act(async () => root.render(<LoupeFeedback traceId="t1" token="a b" />));
    expect(vi.mocked(fetch)).toHaveBeenCalledWith("/api/loupe/feedback?token=a%20b");
    expect(button("Bad answer").getAttribute("aria-pressed")).toBe("true");
  });
});
