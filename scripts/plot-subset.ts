// Ships only the parts of Plot (and of simple-statistics) that the site's code uses. Framework bundles each npm
// package whole into dist/_node/: Plot with every mark, and d3 as thirty modules of its own (about 180 kB gzip),
// though the charts use a dozen exports; simple-statistics (10 kB gzip) for two functions the overview's and
// /invasion's figures need before any interaction. After `observable build`, this bundles just the exports the
// sources use (derived from the sources, so a new mark cannot go missing), d3 tree-shaken inside, with the same
// esbuild settings Framework uses; swaps the bundle in for Framework's file under a name hashed from its content;
// minifies the site's own modules (Framework leaves them unminified); renames every module whose imports changed in
// consequence (so no cached copy can point at a file that is gone); and deletes the dist/_node files nothing loads
// any more. Deterministic: same sources, same bytes. Runs first in scripts/postbuild.ts, before anything reads the
// pages' scripts (their module addresses change here).
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import * as Plot from "@observablehq/plot";
import * as simpleStatistics from "simple-statistics";
import {buildSync, transformSync, type BuildOptions, type TransformOptions} from "esbuild";
import ts from "typescript";
import {filesIn} from "./files-in.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The packages subset, each with its runtime exports (what a name used in the sources is checked against). */
export const SUBSET_PACKAGES: Record<string, Record<string, unknown>> = {
  "@observablehq/plot": Plot,
  "simple-statistics": simpleStatistics
};

/** Framework's esbuild settings for dist/_node bundles (@observablehq/framework/dist/node.js), so only the contents change. */
const FRAMEWORK_ESBUILD: Pick<BuildOptions & TransformOptions, "format" | "platform" | "target" | "define" | "minify"> = {
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome96", "firefox96", "safari16", "node18"],
  define: {"process.env.NODE_ENV": JSON.stringify("production")},
  minify: true
};

/** The files under src/ that Framework can bundle for the browser (its cache and the Node-only data loaders aside). */
function browserSources(srcDir: string): string[] {
  return filesIn(srcDir, /\.(ts|js)$/).filter((file) => !relative(srcDir, file).split(sep).some((part) => part === ".observablehq" || part === "data"));
}

/** The JavaScript cells of a Markdown page, which import packages too (e.g. Observable Inputs on /invasion). */
function markdownCode(file: string): string {
  return [...readFileSync(file, "utf8").matchAll(/^```js\b[^\n]*\n([\s\S]*?)^```/gm)].map(([, code]) => code).join("\n");
}

/**
 * The value exports of `pkg` one module uses: named imports, and members read from a namespace import
 * (`Plot.dot`). A namespace used any other way (passed on, spread, indexed) hides which exports are needed: an error,
 * rather than a subset that may lack one. Type-only uses (`Plot.Markish`, `import type`) need no code.
 */
export function usedExports(code: string, pkg: string, file = "module"): Set<string> {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const used = new Set<string>();
  const namespaces = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== pkg) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) throw new Error(`${file}: a default import of ${pkg}; import the exports used by name or as a namespace (scripts/plot-subset.ts)`);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if (!element.isTypeOnly) used.add((element.propertyName ?? element.name).text);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && namespaces.has(node.text)) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) used.add(parent.name.text);
      else if (!ts.isQualifiedName(parent) && !ts.isNamespaceImport(parent)) {
        const {line} = source.getLineAndCharacterOfPosition(node.getStart());
        throw new Error(`${file}:${line + 1}: ${node.text} (${pkg}) is used other than as ${node.text}.name, so which of its exports are needed cannot be told; use its members directly (scripts/plot-subset.ts)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

/** Every export of `pkg` the browser sources use, checked against the package's runtime exports. */
export function exportsUsedBySources(srcDir: string, pkg: string): string[] {
  const runtime = SUBSET_PACKAGES[pkg];
  const used = new Set<string>();
  for (const file of browserSources(srcDir)) for (const name of usedExports(readFileSync(file, "utf8"), pkg, file)) used.add(name);
  for (const entry of readdirSync(srcDir)) if (entry.endsWith(".md")) for (const name of usedExports(markdownCode(join(srcDir, entry)), pkg, join(srcDir, entry))) used.add(name);
  const missing = [...used].filter((name) => !(name in runtime));
  if (missing.length) throw new Error(`${pkg} has no export ${missing.join(", ")}, which the sources use`);
  return [...used].sort();
}

/** One ES module holding only `names` of `pkg`, and what it imports, bundled and minified as Framework would. */
export function bundleSubset(pkg: string, names: string[]): string {
  const result = buildSync({
    ...FRAMEWORK_ESBUILD,
    stdin: {contents: `export {${names.join(", ")}} from ${JSON.stringify(pkg)};\n`, resolveDir: ROOT, sourcefile: `${pkg}-subset.js`, loader: "js"},
    bundle: true,
    write: false,
    logLevel: "silent"
  });
  return result.outputFiles![0].text; // write: false gives the output as outputFiles
}

/** Framework's file for `pkg` in the build: dist/_node/<pkg>@<version>/index.<hash>.js, or none if no page uses it. */
function frameworkBundle(outDir: string, pkg: string): string | undefined {
  const version = JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  const dir = join(outDir, "_node", `${pkg}@${version}`);
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => /^index\.[0-9a-f]{8}\.js$/.test(name));
  } catch {
    return undefined;
  }
  if (files.length !== 1) throw new Error(`${dir}: expected one index.<hash>.js from Framework, found ${files.length}; review scripts/plot-subset.ts`);
  return join(dir, files[0]);
}

const contentHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);

/** A hashed module's name for new contents: `name.1a2b3c4d.js` → `name.<hash of contents>.js`. */
function hashedName(file: string, contents: string): string {
  const name = basename(file);
  if (!/\.[0-9a-f]{8}\.js$/.test(name)) throw new Error(`${file}: not a content-hashed module; review scripts/plot-subset.ts`);
  return join(dirname(file), name.replace(/\.[0-9a-f]{8}\.js$/, `.${contentHash(contents)}.js`));
}

/** Relative module addresses as written in built modules and pages: `"./x.js"`, `from"../../y.js"`, `import("./z.js")`. */
const MODULE_ADDRESS = /(["'`])(\.{1,2}\/[^"'`\s]+?\.js)\1/g;

/** `text` (from `file`) with each module address that resolves to a key of `moved` pointed at its new file. */
function repoint(text: string, file: string, moved: Map<string, string>): string {
  return text.replace(MODULE_ADDRESS, (whole, quote: string, address: string) => {
    const target = moved.get(resolve(dirname(file), address));
    if (!target) return whole;
    const path = relative(dirname(file), target).split(sep).join("/");
    return `${quote}${path.startsWith(".") ? path : `./${path}`}${quote}`;
  });
}

/**
 * Points every module and page at the moved files. A module whose text changes gets a new hashed name in turn (its
 * old name's cached copy would still import the file that is gone), and its importers are updated in the next round,
 * until nothing changes; pages keep their names.
 */
function repointAll(outDir: string, moved: Map<string, string>): void {
  const modules = filesIn(outDir, /\.js$/).length;
  for (let round = moved, rounds = 0; round.size > 0; rounds++) {
    // Each round goes one import further up; more rounds than modules means modules importing each other in a cycle.
    if (rounds > modules) throw new Error(`${outDir}: modules import each other in a cycle; their names cannot all be hashed from their contents`);
    const next = new Map<string, string>();
    for (const file of filesIn(outDir, /\.(js|html)$/)) {
      const text = readFileSync(file, "utf8");
      const changed = repoint(text, file, round);
      if (changed === text) continue;
      if (file.endsWith(".html")) {
        writeFileSync(file, changed);
        continue;
      }
      const renamed = hashedName(file, changed);
      writeFileSync(file, changed);
      renameSync(file, renamed);
      next.set(file, renamed);
    }
    round = next;
  }
}

/** The dist/_node files no page loads, directly or through the modules it imports. */
export function unreachableNodeFiles(outDir: string): string[] {
  const reached = new Set<string>();
  const queue = filesIn(outDir, /\.html$/);
  while (queue.length) {
    const file = queue.pop()!;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // an address to a file that is not in the build (Framework's stdlib names optional libraries): nothing to follow
    }
    for (const [, , address] of text.matchAll(MODULE_ADDRESS)) {
      const target = resolve(dirname(file), address);
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return filesIn(join(outDir, "_node"), /\.js$/).filter((file) => !reached.has(file));
}

/** Deletes the folders under `dir` (and `dir` itself) that hold no file, such as a package's folder once its file has gone. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, {withFileTypes: true})) if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  if (readdirSync(dir).length === 0) rmSync(dir, {recursive: true});
}

/** What the step did, for the bench and the tests: per package, the exports kept and the bytes before and after. */
export interface SubsetReport {
  pkg: string;
  exports: string[];
  file: string;
  fullBytes: number;
  subsetBytes: number;
}

/**
 * The site's own modules (dist/_import), minified as Framework minifies npm packages. Framework writes them
 * transpiled but whole (indentation, long local names): on the overview they were 13 kB of its 30 kB of JavaScript
 * before any interaction. Exported names and import addresses stay as they are. Returns old file → new file.
 */
function minifyOwnModules(outDir: string): Map<string, string> {
  const moved = new Map<string, string>();
  const dir = join(outDir, "_import");
  if (!existsSync(dir)) return moved;
  for (const file of filesIn(dir, /\.js$/)) {
    const minified = transformSync(readFileSync(file, "utf8"), {...FRAMEWORK_ESBUILD, loader: "js", sourcefile: relative(outDir, file)}).code;
    const renamed = hashedName(file, minified);
    writeFileSync(file, minified);
    renameSync(file, renamed);
    moved.set(file, renamed);
  }
  return moved;
}

/**
 * Makes a built site's JavaScript as small as what it uses: Framework's whole-package bundles replaced by subsets of
 * the exports the sources use, and the site's own modules minified.
 */
export function subsetPackages(outDir: string, srcDir = join(ROOT, "src")): SubsetReport[] {
  const moved = minifyOwnModules(outDir);
  const reports: SubsetReport[] = [];
  for (const pkg of Object.keys(SUBSET_PACKAGES)) {
    const file = frameworkBundle(outDir, pkg);
    if (!file) continue;
    const exports = exportsUsedBySources(srcDir, pkg);
    const subset = bundleSubset(pkg, exports);
    const renamed = hashedName(file, subset);
    reports.push({pkg, exports, file: relative(outDir, renamed), fullBytes: readFileSync(file).length, subsetBytes: Buffer.byteLength(subset)});
    writeFileSync(renamed, subset);
    moved.set(file, renamed);
  }
  repointAll(outDir, moved);
  if (!existsSync(join(outDir, "_node"))) return reports;
  for (const file of unreachableNodeFiles(outDir)) rmSync(file);
  removeEmptyFolders(join(outDir, "_node"));
  return reports;
}
