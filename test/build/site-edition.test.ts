// What the build is told about the site: its public address (SITE_URL, optional) and the day it was last updated
// (the source date); and the 404 page's post-build step, and a failed build's message.
import {describe, expect, it} from "vitest";
import {frameworkError} from "../../scripts/build-site.ts";
import {dropPageScript, isNotFoundPage} from "../../scripts/postbuild.ts";
import {sitePath, siteUrl} from "../../scripts/site-url.ts";
import {lastUpdated} from "../../scripts/source-date.ts";

describe("SITE_URL", () => {
  it("is optional; given, it is normalised with a trailing slash, and its path is Framework's base", () => {
    expect(siteUrl({})).toBeNull();
    expect(sitePath({})).toBe("/");
    expect(siteUrl({SITE_URL: "https://example.org/kosovo-nato"})).toBe("https://example.org/kosovo-nato/");
    expect(sitePath({SITE_URL: "https://example.org/kosovo-nato"})).toBe("/kosovo-nato/");
    expect(sitePath({SITE_URL: "https://owner.github.io/"})).toBe("/");
  });

  it("must be an http(s) address", () => {
    expect(() => siteUrl({SITE_URL: "javascript:alert(1)"})).toThrow(/http\(s\)/);
    expect(() => siteUrl({SITE_URL: "example.org"})).toThrow();
  });
});

describe("lastUpdated", () => {
  it("is the source date's day (UTC), so two builds of one commit say the same", () => {
    expect(lastUpdated({SOURCE_DATE_EPOCH: "1700000000"})).toBe("2023-11-14");
    expect(lastUpdated({SOURCE_DATE_EPOCH: "0"})).toBe("1970-01-01");
  });
});

describe("the 404 page after the build", () => {
  const page = `<head>\n<base href="/">\n<script type="module">\n\nif (location.pathname.endsWith("/")) {}\n\n</script>\n<link rel="modulepreload" href="./_observablehq/client.abc.js">\n<script type="module">\nimport "./_observablehq/client.abc.js";\n</script>\n</head>`;

  it("loses Framework's page script and its preloads, and keeps the trailing-slash redirect", () => {
    const dropped = dropPageScript(page, "404.html");
    expect(dropped).not.toContain("modulepreload");
    expect(dropped).not.toContain("client.abc.js");
    expect(dropped).toContain(`if (location.pathname.endsWith("/")) {}`);
    expect(() => dropPageScript("<head></head>", "404.html")).toThrow(/404\.html: expected one inline module script/);
  });

  it("is the 404.html at the root of the output only", () => {
    expect(isNotFoundPage("/site/404.html", "/site/")).toBe(true);
    expect(isNotFoundPage("/site/docs/404.html", "/site")).toBe(false);
    expect(isNotFoundPage("/site/404.html", "/site")).toBe(true);
  });
});

describe("a failed build's message", () => {
  it("keeps Framework's error and drops its advice to report a bug in Framework", () => {
    const stderr = "\nUnexpected error: import not found: /components/x.js\n\nTip: To see the full stack trace, run with the --debug flag.\n\nIf you think this is a bug, please file an issue at\n↳ https://github.com/observablehq/framework/issues\n\n";
    expect(frameworkError(stderr)).toBe("Unexpected error: import not found: /components/x.js\n\nTip: To see the full stack trace, run with the --debug flag.");
  });
});
