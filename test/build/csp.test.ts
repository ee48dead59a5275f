// The Content-Security-Policy builder (scripts/csp.ts) on small pages: the hashes are those of the exact texts (as
// given by the CSP specification's own example and by Node's crypto), every inline script and style of a page is
// listed, the <meta> goes straight after the character set, and a page with an inline script or style its policy does
// not list is caught.
import {createHash} from "node:crypto";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {addContentSecurityPolicy, contentSecurityPolicy, hashSource, iconInPage, inlineCode, lockDownPages, pagePolicy, policyHashes, unallowedInlineCode} from "../../scripts/csp.ts";

const page = (head: string, body = "") => `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n${head}</head>\n<body>${body}</body>\n</html>\n`;
const base64Sha256 = (text: string) => `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;

describe("hashSource", () => {
  it("is the SHA-256 of the text's UTF-8 bytes in base64, quoted as a CSP source", () => {
    // The example in CSP Level 3, §8.4: alert('Hello, world.');
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(hashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // Every character counts, whitespace and non-ASCII included.
    for (const text of ["\nconst a = 1;\n", "const a = 1;", "Türkiye – Kosovo"]) expect(hashSource(text)).toBe(base64Sha256(text));
    expect(hashSource("a ")).not.toBe(hashSource("a"));
  });
});

describe("inlineCode", () => {
  it("finds every inline script, whatever its type, every style element, in SVG too, and every style attribute, decoded", () => {
    const html = page(
      `<script src="./x.js"></script>\n<script>one()</script>\n<script type="text/x-observablehq-after-first-paint" id="p">\nimport "./a.js";\n</script>\n<style>p{color:red}</style>\n`,
      `<figure style="max-width:initial"><svg><style>.a{fill:blue}</style></svg></figure><p style="font-family:&quot;x&quot;">t</p>`
    );
    expect(inlineCode(html)).toEqual({
      scripts: ["one()", '\nimport "./a.js";\n'],
      styles: ["p{color:red}", ".a{fill:blue}"],
      styleAttributes: ["max-width:initial", 'font-family:"x"'],
      dataImages: false
    });
    expect(inlineCode(page(`<link rel="icon" href="data:image/svg+xml;base64,AA==">`)).dataImages).toBe(true);
    expect(inlineCode(page(`<link rel="icon" href="./_file/favicon.svg">`)).dataImages).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  const policy = contentSecurityPolicy({scripts: ["one()", "one()", "two()"], styles: ["p{}"], styleAttributes: ["max-width:initial"], dataImages: false});

  it("allows the site's origin only, and each inline text once by its hash", () => {
    expect(policy.split("; ").map((part) => part.split(" ")[0])).toEqual(["default-src", "script-src", "style-src", "img-src", "connect-src", "object-src", "base-uri", "form-action"]);
    const scripts = [...policyHashes(policy, "script-src")];
    expect(scripts).toEqual(expect.arrayContaining([hashSource("one()"), hashSource("two()")]));
    expect(policy.split(hashSource("one()")).length).toBe(2);
    expect([...policyHashes(policy, "style-src")]).toEqual(expect.arrayContaining([hashSource("p{}"), hashSource("max-width:initial")]));
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|frame-ancestors/);
    expect(policy).toContain("img-src 'self' blob:;");
    expect(policy).toContain("connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");
  });

  it("allows data: images only on a page whose icon is in the page", () => {
    expect(contentSecurityPolicy({scripts: [], styles: [], styleAttributes: [], dataImages: true})).toContain("img-src 'self' blob: data:;");
    expect(policy).not.toContain("data:");
  });
});

describe("addContentSecurityPolicy", () => {
  const html = page(`<style>p{color:red}</style>\n<script>one()</script>\n`, `<p style="color:blue">t</p><script>two()</script>`);
  const locked = addContentSecurityPolicy(html, "page.html");

  it("puts the policy straight after the character set, before every script and style", () => {
    expect(locked).toContain(`<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'`);
    expect(locked.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n/, "")).toBe(html);
    expect(unallowedInlineCode(locked)).toEqual([]);
    for (const text of ["one()", "two()", "p{color:red}", "color:blue"]) expect(pagePolicy(locked)).toContain(hashSource(text));
  });

  it("refuses a page that has a policy already, or no character set to follow", () => {
    expect(() => addContentSecurityPolicy(locked, "page.html")).toThrow(/page\.html: already has a Content-Security-Policy/);
    expect(() => addContentSecurityPolicy("<html><head><title>x</title></head></html>", "page.html")).toThrow(/page\.html: no <head> opening with <meta charset/);
    // However a page writes its character set (an embed page may not come from Framework's template).
    expect(addContentSecurityPolicy(`<html><head><meta charset=UTF-8 /><title>x</title></head></html>`)).toMatch(/^<html><head><meta charset=UTF-8 \/><meta http-equiv="Content-Security-Policy" content="[^"]+">\n<title>/);
  });
});

describe("unallowedInlineCode", () => {
  const locked = addContentSecurityPolicy(page(`<script>one()</script>\n`, `<p style="color:blue">t</p>`));

  it("catches an inline script, style or style attribute added after the policy was made", () => {
    expect(unallowedInlineCode(locked.replace("</body>", "<script>evil()</script></body>"))).toEqual(['script "evil()"']);
    expect(unallowedInlineCode(locked.replace("one()", "one() "))).toEqual(['script "one() "']);
    expect(unallowedInlineCode(locked.replace("</head>", "<style>p{}</style></head>"))).toEqual(['style "p{}"']);
    expect(unallowedInlineCode(locked.replace('style="color:blue"', 'style="color:red"'))).toEqual(['style attribute "color:red"']);
  });

  it("catches a page with no policy, and style attributes allowed by hash without 'unsafe-hashes'", () => {
    expect(unallowedInlineCode(page("<script>one()</script>"))).toEqual(["no Content-Security-Policy <meta>"]);
    expect(unallowedInlineCode(locked.replace(/(style-src[^;]*)'unsafe-hashes' /, "$1"))).toEqual(['style attribute "color:blue"']);
  });
});

describe("lockDownPages", () => {
  it("locks every page, and puts the icon of a page served at any address into it", () => {
    const site = mkdtempSync(join(tmpdir(), "kosovo-csp-"));
    try {
      const icon = `<svg xmlns="http://www.w3.org/2000/svg"/>`;
      writeFileSync(join(site, "favicon.svg"), icon);
      const html = page(`<link rel="icon" href="./favicon.svg"><script>one()</script>\n`);
      for (const name of ["index.html", "404.html"]) writeFileSync(join(site, name), html);
      lockDownPages([join(site, "index.html"), join(site, "404.html")], (file) => file.endsWith("404.html"));
      const [index, notFound] = ["index.html", "404.html"].map((name) => readFileSync(join(site, name), "utf8"));
      expect(index).toContain(`<link rel="icon" href="./favicon.svg">`);
      expect(pagePolicy(index)).toContain("img-src 'self' blob:;");
      expect(notFound).toContain(`<link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(icon).toString("base64")}">`);
      expect(pagePolicy(notFound)).toContain("img-src 'self' blob: data:;");
      expect([index, notFound].flatMap(unallowedInlineCode)).toEqual([]);
      // A page whose icon is no file of its folder is left alone.
      expect(iconInPage(page(`<link rel="icon" href="https://example.org/x.png">`), join(site, "404.html"))).toBe(page(`<link rel="icon" href="https://example.org/x.png">`));
    } finally {
      rmSync(site, {recursive: true, force: true});
    }
  });
});
