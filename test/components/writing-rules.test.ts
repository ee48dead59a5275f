// The site's writing rules (test/browser/reader-checks.ts) on sentences whose verdict is known: each rule must catch
// what it names and let the right form through, or the reader gate that applies them proves nothing.
import {describe, expect, it} from "vitest";
import {writingRules} from "../browser/reader-checks.ts";

const broken = (line: string) => writingRules.filter(({pattern}) => pattern.test(line)).map(({rule}) => rule);
const yearRule = "write a year without a thousands separator (1949, not 1,949)";

describe("the year rule", () => {
  it.each(["Joined in 1,949", "Fieldwork 2,016", "Russia 2,000."])("catches a year written as a count: %s", (line) => {
    expect(broken(line)).toContain(yearRule);
  });

  it.each(["about 2,000", "Russia about 2,000", "more than 2,000", "under 1,950", "2,000 people in each country", "1,200 respondents", "in 2016"])("lets a count or a year written as one through: %s", (line) => {
    expect(broken(line)).not.toContain(yearRule);
  });
});
