// The chart legibility checker (chart-legibility.ts) finds what it is for. The reader gate (reader.test.ts) runs it
// over every route, width, scheme and drawing.
import {describe, expect, it} from "vitest";
import {browserUnavailable} from "./chromium.ts";
import {runLegibilityCheck} from "./chart-legibility.ts";
import {serveBuiltSite} from "./served-site.ts";

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the chart legibility tests: ${unavailable}`);

describe.skipIf(unavailable !== null)("the chart legibility checker", () => {
  const site = serveBuiltSite();

  it("the checker finds a label laid over another, one past the edge and one under a mark", async () => {
    const context = await site.browser.newContext({viewport: {width: 640, height: 600}});
    const page = await context.newPage();
    await page.setContent(`<figure class="chart" id="made-up"><svg role="img" width="300" height="150" viewBox="0 0 300 150" font-size="10">
      <g aria-label="text"><text x="20" y="30">First label</text><text x="30" y="32">Second label</text><text x="270" y="80">Cut off here</text><text x="100" y="120">Crossed</text></g>
      <g aria-label="rule"><line x1="115" x2="115" y1="100" y2="140" stroke="black"></line></g>
      <g aria-label="text"><text x="150" y="60" fill="#E69F00">Pale</text></g></svg></figure>`);
    const kinds = (await runLegibilityCheck(page)).map((p) => `${p.kind} ${p.text}`);
    await context.close();
    expect(kinds).toEqual(
      expect.arrayContaining(['overlap "First label" (text)', 'clipped "Cut off here" (text)', 'crossed "Crossed" (text)', 'contrast "Pale" (text)'])
    );
  });
});
