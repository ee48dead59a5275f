// The parts of every built page that depend on its language (scripts/postbuild.ts runs these): the page's language
// and title, the navigation in its language, links to the same page in every language (a switcher, each language
// named in itself, and hreflang alternates), and a one-line offer of the reader's own language, never a redirect.
import {relative} from "node:path";
import {escapeHtmlAttribute} from "./page-descriptions.ts";
import {LANGUAGES, languageInfo, pathIn, t, type Lang} from "../src/lib/i18n.ts";
import {useLanguageInNode} from "../loaders/messages.ts";

/** The site's sections, in the order of the navigation (observablehq.config.ts lists English's from the same). */
export const SECTIONS = ["opinion", "invasion", "troops", "members", "methods"] as const;

export interface PageAddress {
  lang: Lang;
  /** The page in English's addresses: "/", "/opinion", "/embed/<chart-id>". */
  path: string;
}

/** Which page a built file is, in which language: dist/sq/opinion.html → {lang: "sq", path: "/opinion"}. */
export function pageAddress(file: string, outDir: string): PageAddress {
  const parts = relative(outDir, file).replace(/\.html$/, "").split("/");
  const lang = (LANGUAGES.find((code) => code !== "en" && languageInfo[code].prefix === parts[0]) ?? "en") as Lang;
  const rest = lang === "en" ? parts : parts.slice(1);
  const path = `/${rest.join("/")}`.replace(/\/index$/, "/");
  return {lang, path};
}

/** A site path as a link from a page: relative, as Framework writes links, so the site works at any address. */
export function hrefFrom(from: string, to: string): string {
  const fromDir = from.slice(0, from.lastIndexOf("/") + 1);
  const up = fromDir.split("/").length - 2;
  const target = to.slice(1);
  return (up === 0 ? "./" : "../".repeat(up)) + target;
}

/** The navigation of a page in a language other than English: Framework's lists its English pages. */
function localizeSidebar(html: string, {lang, path}: PageAddress): string {
  const here = pathIn(lang, path);
  const items = SECTIONS.map((section) => {
    const active = path === `/${section}` ? " observablehq-link-active" : "";
    return `    <li class="observablehq-link${active}"><a href="${hrefFrom(here, pathIn(lang, `/${section}`))}">${t(`site.nav.${section}`)}</a></li>`;
  });
  const sections = /(<nav id="observablehq-sidebar" aria-label="[^"]*">\n {2}<ol>\n {4}<li class="observablehq-link[^"]*"><a href=")[^"]*(">)[^<]*(<\/a>[\s\S]*?<\/ol>\n {2}<ol>\n)[\s\S]*?(\n {2}<\/ol>\n<\/nav>)/;
  if (!sections.test(html)) throw new Error(`${here}: Framework's sidebar changed; review scripts/languages.ts`);
  // The top bar (scripts/postbuild.ts, fixPageTemplate) took the site's name and home from Framework's sidebar.
  const bar = /<a class="site-bar-home" href="[^"]*">[^<]*<\/a>/;
  if (!bar.test(html)) throw new Error(`${here}: no top bar; review scripts/languages.ts`);
  html = html.replace(bar, `<a class="site-bar-home" href="${hrefFrom(here, pathIn(lang, "/"))}">${t("site.title")}</a>`);
  return html.replace(sections, (_, start, middle, rest, end) => `${start}${hrefFrom(here, pathIn(lang, "/"))}${middle}${t("site.title")}${rest}${items.join("\n")}${end}`);
}

/** Links to this page in every language, for the switcher and the hreflang alternates. */
function alternates({path}: PageAddress, here: string): {lang: Lang; href: string}[] {
  return LANGUAGES.map((lang) => ({lang, href: hrefFrom(here, pathIn(lang, path))}));
}

/** The switcher: every language by its own name, in its own language; the page's own marked as current. */
function switcher(address: PageAddress, here: string): string {
  const links = alternates(address, here).map(({lang, href}) => {
    const {tag, name} = languageInfo[lang];
    const current = lang === address.lang ? ' aria-current="page"' : "";
    return `<li><a href="${href}" lang="${tag}" hreflang="${tag}" data-language="${lang}"${current}>${name}</a></li>`;
  });
  return `<nav class="language-switcher" aria-label="${escapeHtmlAttribute(t("site.languages"))}"><ul>${links.join("")}</ul><p class="language-offer" hidden></p></nav>`;
}

/**
 * The offer, in the offered language: shown when the reader chose another language on this site before (kept in
 * localStorage when they follow a switcher link) or, failing that, when their browser prefers one. A link, never a
 * redirect; nothing is shown when the page is already in the language.
 */
function offerScript(address: PageAddress, here: string): string {
  const offers = Object.fromEntries(
    alternates(address, here).map(({lang, href}) => {
      useLanguageInNode(lang);
      return [lang, {tag: languageInfo[lang].tag, text: t("site.offer"), href}];
    })
  );
  useLanguageInNode(address.lang);
  return `<script>{
const offers = ${JSON.stringify(offers)};
const page = ${JSON.stringify(address.lang)};
const box = document.currentScript.previousElementSibling.querySelector(".language-offer");
let chosen = null;
try { chosen = localStorage.getItem("language"); } catch {}
const preferred = (navigator.languages || []).map((tag) => tag.toLowerCase()).map((tag) => (tag.startsWith("sq") ? "sq" : tag.startsWith("sr-latn") ? "sr-latn" : tag.startsWith("sr") ? "sr-cyrl" : tag.startsWith("en") ? "en" : null)).find(Boolean);
const wanted = chosen in offers ? chosen : preferred;
if (wanted && wanted !== page && offers[wanted]) {
  const offer = offers[wanted];
  const link = Object.assign(document.createElement("a"), {href: offer.href, textContent: offer.text});
  link.dataset.language = wanted;
  box.lang = offer.tag;
  box.append(link);
  box.hidden = false;
}
box.parentElement.addEventListener("click", (event) => {
  const language = event.target.closest("a[data-language]")?.dataset.language;
  if (language) try { localStorage.setItem("language", language); } catch {}
});
}</script>`;
}

/** Every language-dependent part of a built page (its language must be in use: useLanguageInNode). */
export function localizePage(html: string, address: PageAddress, {chromeless = false}: {chromeless?: boolean} = {}): string {
  const here = pathIn(address.lang, address.path);
  // The 404 page is one for every language (scripts/postbuild.ts gives it each language's words): nothing to switch to.
  if (address.path === "/404") return html;
  if (address.lang !== "en") {
    if (!chromeless) html = localizeSidebar(html, address);
    html = html.replace(/<title>([^<]*) \| Kosovo and NATO<\/title>/, (_, title) => `<title>${title} | ${t("site.title")}</title>`);
  }
  const links = alternates(address, here)
    .map(({lang, href}) => `<link rel="alternate" hreflang="${languageInfo[lang].tag}" href="${href}">`)
    .concat(`<link rel="alternate" hreflang="x-default" href="${hrefFrom(here, address.path)}">`);
  html = html.replace("</head>", `${links.join("")}\n</head>`);
  if (chromeless) return html;
  const main = '<main id="observablehq-main" class="observablehq">';
  if (!html.includes(main)) throw new Error(`${here}: no ${main}; review scripts/languages.ts`);
  return html.replace(main, `${main}\n${switcher(address, here)}${offerScript(address, here)}`);
}
