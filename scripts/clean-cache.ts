// Removes Framework's cached data-loader output so a build always reruns the loaders on the current data/.
// (Framework treats a cached output as fresh while it is newer than the loader file; it cannot know loaders read data/.)
import {readdirSync, rmSync} from "node:fs";
import {join} from "node:path";

const cache = new URL("../src/.observablehq/cache/", import.meta.url).pathname;

export function clearLoaderCache(): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(cache);
  } catch {
    return; // no cache yet
  }
  // _npm and _observablehq hold bundled packages, not data: keeping them keeps builds fast.
  for (const entry of entries) if (!entry.startsWith("_")) rmSync(join(cache, entry), {recursive: true, force: true});
}

if (import.meta.url === `file://${process.argv[1]}`) clearLoaderCache();
