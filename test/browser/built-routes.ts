// The routes of a built site: the config's pages, and an embed page for each chart where the build has them
// (dist/embed/<chart-id>.html), found in the build rather than listed, so the tests and the bench cover them as
// soon as they exist.
import {existsSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {routes} from "./chromium.ts";

export function builtRoutes(siteDir: string): string[] {
  const embedDir = join(siteDir, "embed");
  const embeds = existsSync(embedDir)
    ? readdirSync(embedDir)
        .filter((name) => name.endsWith(".html"))
        .map((name) => `/embed/${name.slice(0, -".html".length)}`)
        .sort()
    : [];
  return [...routes, ...embeds];
}
