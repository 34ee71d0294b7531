import { expect, type Page } from "@playwright/test";

/** Signs in on the demo's sign-in page as one of its users (ada, grace, linus, margaret, admin). */
export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByTestId(`sign-in-${userId}`).click();
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  await expect(page.getByTestId("current-user")).toContainText(`(${userId})`);
}

/**
 * Records every length the last assistant text goes through, so a test can tell a
 * streamed answer (many intermediate lengths) from one that arrived at once.
 */
export async function watchStreaming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lengths: number[] };
    w.__lengths = [];
    const root = document.querySelector('[data-testid="messages"]')!;
    new MutationObserver(() => {
      const texts = root.querySelectorAll('[data-testid="assistant-text"]');
      const last = texts[texts.length - 1];
      if (last) w.__lengths.push(last.textContent?.length ?? 0);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
}

/** The distinct lengths recorded by {@link watchStreaming}. */
export async function streamedLengths(page: Page): Promise<number[]> {
  return page.evaluate(() => [...new Set((window as unknown as { __lengths: number[] }).__lengths)]);
}
