// Which exports of a package the sources use (scripts/plot-subset.ts), the list the build's Plot subset is made from:
// a use it missed would be a chart that fails live, so every way of naming an export is covered, and a way that hides
// the names is refused.
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {bundleSubset, exportsUsedBySources, usedExports} from "../../scripts/plot-subset.ts";

describe("usedExports", () => {
  it("reads the members of a namespace import, leaving out type positions and comments", () => {
    const code = `import * as Plot from "@observablehq/plot";
// Plot.areaY is only mentioned here
const marks: Plot.Markish[] = [Plot.dot([]), Plot.ruleX([0])];
export const chart = (options: Plot.PlotOptions) => Plot.plot({...options, marks});`;
    expect([...usedExports(code, "@observablehq/plot")].sort()).toEqual(["dot", "plot", "ruleX"]);
  });

  it("reads named imports by their exported name, not type-only ones", () => {
    const code = `import {linearRegression as fit, weightedMean, type Pair} from "simple-statistics";\nimport type {Other} from "simple-statistics";`;
    expect([...usedExports(code, "simple-statistics")].sort()).toEqual(["linearRegression", "weightedMean"]);
  });

  it("ignores other packages' imports", () => {
    expect(usedExports(`import * as Plot from "other"; Plot.dot();`, "@observablehq/plot").size).toBe(0);
  });

  it("refuses a namespace used as a value, whose needed exports cannot be told", () => {
    expect(() => usedExports(`import * as Plot from "@observablehq/plot";\nconst p = Plot;`, "@observablehq/plot", "x.ts")).toThrow(/x\.ts:2: Plot \(@observablehq\/plot\) is used other than as Plot\.name/);
    expect(() => usedExports(`import * as Plot from "@observablehq/plot";\nPlot["dot"]([]);`, "@observablehq/plot", "x.ts")).toThrow(/x\.ts:2/);
  });

  it("refuses a default import", () => {
    expect(() => usedExports(`import Plot from "@observablehq/plot";`, "@observablehq/plot", "x.ts")).toThrow(/default import/);
  });
});

describe("exportsUsedBySources", () => {
  it("collects from modules and from the pages' JavaScript cells, and names an export the package lacks", () => {
    const src = mkdtempSync(join(tmpdir(), "plot-subset-"));
    try {
      mkdirSync(join(src, "components"));
      writeFileSync(join(src, "components", "a.ts"), `import * as Plot from "@observablehq/plot";\nexport const a = () => Plot.barX([]);`);
      writeFileSync(join(src, "page.md"), "# Page\n\n```js\nimport {dot} from \"@observablehq/plot\";\ndisplay(dot([]));\n```\n");
      expect(exportsUsedBySources(src, "@observablehq/plot")).toEqual(["barX", "dot"]);
      writeFileSync(join(src, "components", "b.ts"), `import * as Plot from "@observablehq/plot";\nexport const b = () => Plot.notAMark([]);`);
      expect(() => exportsUsedBySources(src, "@observablehq/plot")).toThrow(/has no export notAMark/);
    } finally {
      rmSync(src, {recursive: true, force: true});
    }
  });

  it("finds the marks the site's charts use, and the subset bundled from them exports exactly those", async () => {
    const names = exportsUsedBySources(join(import.meta.dirname, "../../src"), "@observablehq/plot");
    expect(names).toEqual(expect.arrayContaining(["plot", "dot", "ruleX", "text"]));
    const dir = mkdtempSync(join(tmpdir(), "plot-subset-"));
    try {
      writeFileSync(join(dir, "subset.mjs"), bundleSubset("@observablehq/plot", names));
      const module = await import(join(dir, "subset.mjs"));
      expect(Object.keys(module).sort()).toEqual(names);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
