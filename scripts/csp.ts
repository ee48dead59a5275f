// The Content-Security-Policy every built page carries, as a <meta http-equiv> (a static host sets no headers): the
// page may load scripts, styles, images and connections from the site's own origin only, and run or apply only the
// inline code the build wrote into it, each piece allowed by the hash of its exact text. Applied by postbuild as its
// very last step, over the finished HTML, so whatever an earlier step inlined is hashed and nothing else runs.
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {parseHTML} from "linkedom";

/** The code written into a page itself, as the browser reads it (attribute values decoded). */
export interface InlineCode {
  /** The text of every <script> without a src. */
  scripts: string[];
  /** The text of every <style> element, in the HTML or inside its SVGs. */
  styles: string[];
  /** The value of every style="…" attribute. */
  styleAttributes: string[];
  /** Whether the page links an image by a data: address (the 404 page's icon; see iconInPage). */
  dataImages: boolean;
}

/**
 * The attribute values htl (under Observable Inputs, on /invasion) writes for a moment. It builds each template's
 * elements from HTML in which every function or object it is given stands as a placeholder, "::" and the value's
 * index (onsubmit="::4", style="::1"), then replaces each placeholder attribute with the property it stands for. The
 * browser checks the placeholder as an inline event handler or style as the elements come into the page, so the
 * policy allows these texts by hash ('unsafe-hashes'): as a handler "::4" is a syntax error and as a style "::1" is
 * no declaration, so allowing them lets nothing run or apply. Exactly those Chromium reports for the site's
 * controls; a new one fails test/browser/csp.test.ts, which names it.
 */
export const HTL_PLACEHOLDERS = {handlers: ["::4", "::5"], styles: ["::1"]};

/** A CSP hash source for one text: the SHA-256 of its UTF-8 bytes, in base64. */
export function hashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Every inline script, style element and style attribute of a page. Every inline script counts, whatever its type:
 * one the browser does not run may still be run by the page's own code, as the page script deferred until after
 * the first paint is (scripts/postbuild.ts, deferPageScript), so its text must be allowed too.
 */
export function inlineCode(html: string): InlineCode {
  const {document} = parseHTML(html);
  const texts = (selector: string) => Array.from(document.querySelectorAll(selector), (node) => node.textContent ?? "");
  return {
    scripts: texts("script:not([src])"),
    styles: texts("style"),
    styleAttributes: Array.from(document.querySelectorAll("[style]"), (node) => node.getAttribute("style") ?? ""),
    dataImages: Array.from(document.querySelectorAll("link[rel~=icon]"), (node) => node.getAttribute("href") ?? "").some((href) => href.startsWith("data:"))
  };
}

/** Each text's hash source once, in the order first met (the same page gives the same bytes). */
function hashSources(texts: string[]): string[] {
  return [...new Set(texts.map(hashSource))];
}

/**
 * The policy for a page with this inline code. Each source is there because something on the site needs it; the
 * browser test (test/browser/csp.test.ts) finds no violation on any route, as built and once every chart is live.
 */
export function contentSecurityPolicy(inline: InlineCode): string {
  const directives: [string, ...string[]][] = [
    // Fonts, frames, workers and anything not named below: the site's origin only.
    ["default-src", "'self'"],
    // Framework's modules, and the page's inline scripts: the sidebar's state, the footer's printed address, the
    // starter that runs the page script after the first paint, and that page script itself (inserted by the
    // starter as a new module script with the inert script's exact text); and htl's placeholder handlers, which do
    // nothing (see HTL_PLACEHOLDERS). 'report-sample' puts the start of a refused script in the violation report, so
    // a failure says what was refused.
    ["script-src", "'self'", "'unsafe-hashes'", ...hashSources([...inline.scripts, ...HTL_PLACEHOLDERS.handlers]), "'report-sample'"],
    // The whole stylesheet (loaded after the first paint) and the inline style elements: the stylesheet rules the
    // page needs first, and Plot's per-chart rules, which Plot also inserts when a live chart replaces the drawn one
    // (the same text, so the same hash). 'unsafe-hashes' lets the hashes allow style="…" attributes too, which
    // Plot writes into the drawn figure (max-width:initial on a figure with a legend), and htl's placeholder styles,
    // which apply nothing (see HTL_PLACEHOLDERS). What scripts change through element.style (Plot, Framework, the
    // site's code) is not an inline style to CSP and needs nothing.
    ["style-src", "'self'", "'unsafe-hashes'", ...hashSources([...inline.styles, ...inline.styleAttributes, ...HTL_PLACEHOLDERS.styles]), "'report-sample'"],
    // The site's own images (the favicon), and blob: for the PNG export, which draws the chart's SVG, held in a
    // blob: address made by the page's script, on a canvas (the only way to have the browser render it: an SVG
    // cannot be decoded into an ImageBitmap). No other page can mint a blob: address of this origin. data: only on a
    // page whose icon is in the page (the 404 page; see iconInPage).
    ["img-src", "'self'", "blob:", ...(inline.dataImages ? ["data:"] : [])],
    // FileAttachment fetches of the site's datasets, and the 404 page's retry of an address without its slash.
    ["connect-src", "'self'"],
    // No plugins; a <base> or a form may only point within the site. frame-ancestors is left out: a policy in a
    // <meta> cannot carry it (the browser ignores it and says so in the console), and the embeds are to be framed.
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"]
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The policy's <meta> element. Its value holds only quotes, letters, digits and base64, so needs no escaping. */
export function policyMeta(policy: string): string {
  if (/[<>"&]/.test(policy)) throw new Error(`a policy that would need escaping in an attribute: ${policy}`);
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

/**
 * The page with its policy in the head: straight after the character set declaration, which must stay within the
 * first 1,024 bytes (the policy's hashes could push it past them), and so before every script, style and link, since
 * a policy in a <meta> governs only what comes after it.
 */
export function addContentSecurityPolicy(html: string, page = "page"): string {
  if (/<meta http-equiv="Content-Security-Policy"/i.test(html)) throw new Error(`${page}: already has a Content-Security-Policy`);
  const charset = /<head\b[^>]*>\s*<meta charset="?utf-8"?\s*\/?>\n?/i.exec(html);
  if (!charset) throw new Error(`${page}: no <head> opening with <meta charset="utf-8">; Framework's page template changed, review scripts/csp.ts`);
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}${policyMeta(contentSecurityPolicy(inlineCode(html)))}\n${html.slice(at)}`;
}

/** The value of the page's policy <meta>, or null. */
export function pagePolicy(html: string): string | null {
  const {document} = parseHTML(html);
  return document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null;
}

/** The hash sources one directive of a policy lists. */
export function policyHashes(policy: string, directive: string): Set<string> {
  const sources = policy.split(/;\s*/).find((part) => part.split(/\s+/)[0] === directive)?.split(/\s+/).slice(1) ?? [];
  return new Set(sources.filter((source) => source.startsWith("'sha256-")));
}

/**
 * What in a page its own policy would refuse: each inline script, style element or style attribute whose hash the
 * policy does not list, or the whole page when it has no policy. Empty for a page as postbuild writes it.
 */
export function unallowedInlineCode(html: string): string[] {
  const policy = pagePolicy(html);
  if (policy === null) return ["no Content-Security-Policy <meta>"];
  const {scripts, styles, styleAttributes} = inlineCode(html);
  const refused = (kind: string, texts: string[], allowed: Set<string>) => texts.filter((text) => !allowed.has(hashSource(text))).map((text) => `${kind} ${JSON.stringify(text.slice(0, 60))}`);
  const styleHashes = policyHashes(policy, "style-src");
  // Hashes allow an attribute only with 'unsafe-hashes'; without it every style attribute is refused.
  const attributeHashes = policy.split(/;\s*/).some((part) => part.startsWith("style-src ") && part.includes("'unsafe-hashes'")) ? styleHashes : new Set<string>();
  return [...refused("script", scripts, policyHashes(policy, "script-src")), ...refused("style", styles, styleHashes), ...refused("style attribute", styleAttributes, attributeHashes)];
}

/**
 * A page served at any address (the 404 page) with its icon in it, as a data: address. Its links resolve only through
 * its <base>, right only when the build was told the site's address (scripts/site-url.ts), and the page is made to
 * send no request that could fail; an icon file linked from it would be fetched from a wrong address and fail.
 */
export function iconInPage(html: string, pageFile: string): string {
  return html.replace(/<link rel="icon" href="(\.\/[^"]+\.svg)">/g, (_, href: string) => `<link rel="icon" href="data:image/svg+xml;base64,${readFileSync(join(dirname(pageFile), href)).toString("base64")}">`);
}

/**
 * Every page of a built site gets its policy: the last step of postbuild, after every step that writes HTML. A page
 * served at any address first gets its icon in the page (iconInPage).
 */
export function lockDownPages(files: string[], servedAtAnyAddress: (file: string) => boolean): void {
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    writeFileSync(file, addContentSecurityPolicy(servedAtAnyAddress(file) ? iconInPage(html, file) : html, file));
  }
}
