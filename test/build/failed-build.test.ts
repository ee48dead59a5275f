// `npm run build` (scripts/build.ts) on broken data: it stops before Framework with the messages `npm run validate`
// prints, exits non-zero, and leaves the last good dist/ as it was. Fast: validation fails before any build starts.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {copySources, projectRoot} from "../../scripts/build-site.ts";

describe("a build on broken data", () => {
  const work = mkdtempSync(join(tmpdir(), "kosovo-failed-build-"));
  afterAll(() => rmSync(work, {recursive: true, force: true}));

  it("keeps the last good dist/, exits non-zero, and says which file, line and column, not Framework's crash text", () => {
    // A copy of the project whose dist/ holds the last good build (here, a marker file).
    const project = join(work, "project");
    mkdirSync(project);
    copySources(project);
    mkdirSync(join(project, "dist"));
    writeFileSync(join(project, "dist", "marker.txt"), "last good build");
    // Broken data, as the hostile corpus lays a case over data/.
    const dataDir = join(work, "data");
    cpSync(join(projectRoot, "data"), dataDir, {recursive: true});
    cpSync(join(projectRoot, "test/fixtures/bad/text-in-number-column/polls.csv"), join(dataDir, "polls.csv"));

    const started = Date.now();
    const result = spawnSync(join(projectRoot, "node_modules/.bin/tsx"), ["scripts/build.ts"], {cwd: project, env: {...process.env, DATA_DIR: dataDir}, encoding: "utf8"});
    const output = `${result.stdout}\n${result.stderr}`;

    expect(result.status, output).not.toBe(0);
    expect(output).toContain(`polls.csv line 3, column support: "ninety" is not a number`);
    expect(output).toMatch(/1 problem found; fix it and run npm run validate again/);
    expect(output).toMatch(/The site was not built; .*dist is unchanged/);
    expect(output.toLowerCase()).not.toContain("please file an issue");
    expect(readFileSync(join(project, "dist", "marker.txt"), "utf8")).toBe("last good build");
    expect(existsSync(join(project, "dist.tmp"))).toBe(false);
    // Nothing was built: the validation stopped it before Framework started.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
