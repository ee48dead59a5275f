// Bringing a page's charts live in a test. Every chart waits for the reader (src/components/hydrate.ts: pointer,
// touch, focus or a control), so a test about live charts reaches for them first.
import type {Page} from "playwright-core";

/**
 * Brings every chart on the page live as a keyboard reader would, by focus moving into each chart (a focusin on its
 * slot, with no pointer, so no tooltip is left showing), and waits until no built drawing is left. The page script
 * arms the charts only after the first paint, so the focus is sent again until it takes.
 */
export async function reachForCharts(page: Page): Promise<void> {
  // The page's own polling, not vitest's expect.poll: it works in beforeAll hooks too.
  await page.waitForFunction(
    () => {
      const waiting = Array.from(document.querySelectorAll(".chart-slot")).filter((slot) => slot.querySelector(":scope > figure.chart-static"));
      for (const slot of waiting) slot.dispatchEvent(new FocusEvent("focusin", {bubbles: true}));
      return waiting.length === 0;
    },
    undefined,
    {polling: 100, timeout: 20_000}
  );
}
