// Each page's own description: the `<meta name="description">` search engines show under its title, and the text
// of its preview card when a link to it is pasted into a chat or a post (scripts/preview-cards.ts). The words are
// catalogue messages (i18n/<lang>/page-descriptions.json), keyed by the page's name: "page-descriptions.opinion" for
// Framework's page path "/opinion", "page-descriptions.index" for "/index"; test/build/preview-cards.test.ts checks
// that every page in src/ has one and that every entry names a page. Words only, no figures: a description outlives
// the data it would quote. An embed page (/embed/<chart-id>) has none here; the build describes it by its chart's subtitle.
import {catalogues, englishCatalogue} from "../loaders/messages.ts";
import {languageInfo, languageOfPath, type Lang} from "../src/lib/i18n.ts";

const NAMESPACE = "page-descriptions.";

/** The English descriptions by Framework's page path ("/index", "/opinion", "/404"). */
export const pageDescriptions: Record<string, string> = Object.fromEntries(
  Object.entries(englishCatalogue())
    .filter(([key]) => key.startsWith(NAMESPACE))
    .map(([key, message]) => [`/${key.slice(NAMESPACE.length)}`, message as string])
);

/** A page's path without its language's folder: "/sq/opinion" → "/opinion". */
function pathInEnglish(path: string, lang: Lang): string {
  const prefix = languageInfo[lang].prefix;
  return prefix && path.startsWith(`/${prefix}/`) ? path.slice(prefix.length + 1) : path;
}

/**
 * The description of a page by Framework's path ("/index", "/opinion"), in `lang` (English unless given), or null
 * for a page the catalogue leaves out.
 */
export function pageDescription(path: string, lang: Lang = "en"): string | null {
  if (!Object.hasOwn(pageDescriptions, path)) return null;
  if (lang === "en") return pageDescriptions[path];
  const message = catalogues()[lang][`${NAMESPACE}${path.slice(1)}`];
  if (typeof message !== "string") throw new Error(`no ${lang} description of the page ${path}`);
  return message;
}

/** Text made safe inside a double-quoted HTML attribute. */
export const escapeHtmlAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The page's `<meta name="description">`, or nothing for a page without a description here (an embed). A page's
 * language is its path's ("/sq/opinion" is the Albanian /opinion) unless `lang` says otherwise.
 */
export function descriptionMeta(path: string, lang: Lang = languageOfPath(path)): string {
  const description = pageDescription(pathInEnglish(path, lang), lang);
  return description === null ? "" : `<meta name="description" content="${escapeHtmlAttribute(description)}">`;
}
