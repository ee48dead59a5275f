// Walking a folder for the build's steps (the built site, the sources): one sorted list, so every step sees the
// files in the same order and the build stays deterministic.
import {readdirSync} from "node:fs";
import {join} from "node:path";

/** Every file under `dir`, at any depth, whose name matches `name`, sorted by path. */
export function filesIn(dir: string, name: RegExp): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
