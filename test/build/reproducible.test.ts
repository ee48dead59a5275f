// Two clean builds of the same sources are byte-identical: every file, every byte (no browser needed).
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {buildSite} from "../../scripts/build-site.ts";

function files(root: string): Map<string, Buffer> {
  const entries = readdirSync(root, {withFileTypes: true, recursive: true}).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [relative(root, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name))]));
}

describe("a build from clean", () => {
  const work = mkdtempSync(join(tmpdir(), "kosovo-reproducible-"));
  afterAll(() => rmSync(work, {recursive: true, force: true}));

  // Each build starts from a fresh copy of the sources with an empty Framework cache, so every data loader runs
  // again at its own moment: the case that used to differ (loader times in lastModified and in module hashes).
  it("gives the same bytes twice", () => {
    buildSite(join(work, "first"), {fresh: true});
    buildSite(join(work, "second"), {fresh: true});
    const first = files(join(work, "first"));
    const second = files(join(work, "second"));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect(first.size).toBeGreaterThan(20);
    const differing = [...first].filter(([path, bytes]) => !bytes.equals(second.get(path)!)).map(([path]) => path);
    expect(differing).toEqual([]);
  }, 900_000);
});
