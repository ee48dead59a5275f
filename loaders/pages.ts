// The site's pages in another language (Node only: the page loader src/[lang]/[page].md.ts and the tests). The English
// page, src/<page>.md, holds every page's code; a translation, i18n/<lang>/pages/<page>.md, holds only its words: the
// same Markdown with each ```js block replaced by a line {{js}}, the same chart and block slots and the same ${…}
// expressions. So no code is written per language, and a translator edits Markdown, never TypeScript.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {languageInfo, type Lang} from "../src/lib/i18n.ts";
import {latinToCyrillic} from "../src/lib/transliterate.ts";
import type {DataIssue} from "./issues.ts";

const PROJECT = fileURLToPath(new URL("../", import.meta.url));
export const SOURCE_DIR = join(PROJECT, "src");
export const I18N_PAGES = (lang: string) => join(PROJECT, "i18n", lang, "pages");

const CODE_BLOCK = /^```js\n[\s\S]*?^```$/gm;
const CODE_MARKER = /^\{\{js\}\}$/gm;
const SLOT = /<div class="(?:chart|block)-slot" data-(?:chart|block)="[a-z0-9-]+"><\/div>/g;
const EXPRESSION = /\$\{[^}\n]*\}/g;
const HEADING = /^#{1,6} /gm;

/** The site's pages: every Markdown page at the top of src/ (the 404 page too). */
export function pageNames(root = SOURCE_DIR): string[] {
  return readdirSync(root).filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -".md".length)).sort();
}

function splitFrontMatter(text: string): {front: Record<string, string>; body: string} {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return {front: {}, body: text};
  const front = Object.fromEntries(match[1].split("\n").filter(Boolean).map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]));
  return {front, body: text.slice(match[0].length)};
}

/** What a translation must keep of its English page: its code blocks' places, slots, expressions and headings. */
export function pageShape(body: string, english: boolean) {
  const withoutCode = english ? body.replace(CODE_BLOCK, "{{js}}") : body;
  return {
    code: (withoutCode.match(CODE_MARKER) ?? []).length,
    slots: [...(withoutCode.match(SLOT) ?? [])],
    expressions: [...(withoutCode.match(EXPRESSION) ?? [])].sort(),
    headings: (withoutCode.match(HEADING) ?? []).length
  };
}

/** The translation of a page as written (Serbian Cyrillic: the Latin, transliterated), or null when there is none. */
export function translationSource(page: string, lang: Exclude<Lang, "en">): {file: string; text: string} | null {
  const written = lang === "sr-cyrl" ? "sr-latn" : lang;
  const file = join(I18N_PAGES(written), `${page}.md`);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, "utf8");
  return {file: `i18n/${written}/pages/${page}.md`, text: lang === "sr-cyrl" ? transliterateMarkdown(text) : text};
}

/** Serbian Markdown in Cyrillic: the words only (front matter keys, code, slots and addresses as they are). */
function transliterateMarkdown(text: string): string {
  const {front, body} = splitFrontMatter(text);
  const head = Object.entries(front).map(([key, value]) => `${key}: ${key === "title" ? latinToCyrillic(value) : value}`).join("\n");
  return `---\n${head}\n---\n${latinToCyrillic(body)}`;
}

/** Every way a translation differs in shape from its English page: each one a missing paragraph, slot or code place. */
export function translationIssues(page: string, lang: Exclude<Lang, "en">, root = SOURCE_DIR): DataIssue[] {
  const source = translationSource(page, lang);
  const file = `i18n/${lang === "sr-cyrl" ? "sr-latn" : lang}/pages/${page}.md`;
  if (!source) return [{file, line: 0, rule: `no translation of src/${page}.md`}];
  const english = splitFrontMatter(readFileSync(join(root, `${page}.md`), "utf8"));
  const translated = splitFrontMatter(source.text);
  const issues: DataIssue[] = [];
  const want = pageShape(english.body, true);
  const have = pageShape(translated.body, false);
  if (!translated.front.title) issues.push({file, line: 1, column: "title", rule: "the front matter needs the translated title"});
  if (want.code !== have.code) issues.push({file, line: 0, rule: `has ${have.code} {{js}} lines where the English page has ${want.code} code blocks`});
  if (want.slots.join("\n") !== have.slots.join("\n")) issues.push({file, line: 0, rule: `its chart and block slots differ from the English page's (${want.slots.length} there, in order)`});
  if (want.expressions.join("\n") !== have.expressions.join("\n")) issues.push({file, line: 0, rule: `its \${…} expressions differ from the English page's: ${want.expressions.filter((e) => !have.expressions.includes(e)).join(", ") || "extra ones"}`});
  if (want.headings !== have.headings) issues.push({file, line: 0, rule: `has ${have.headings} headings where the English page has ${want.headings}`});
  for (const key of Object.keys(english.front)) if (key !== "title" && key in translated.front) issues.push({file, line: 1, column: key, rule: "only the title is translated: the other settings come from the English page"});
  return issues;
}

/** Every page's translation problems, in every language but English. */
export function pageTranslationIssues(root = SOURCE_DIR): DataIssue[] {
  return (["sq", "sr-latn"] as const).flatMap((lang) => pageNames(root).flatMap((page) => translationIssues(page, lang, root)));
}

/**
 * The 404 page's words in another language, for the one 404 page every address shares (Framework builds one): its
 * heading one level down, its paragraphs as paragraphs, its links into the language's folder. The 404 page's <base>
 * is the site's root, so "./sq/opinion" holds at any depth.
 */
export function notFoundSection(lang: Exclude<Lang, "en">): string {
  const source = translationSource("404", lang);
  if (!source) throw new Error(`no translation of src/404.md in ${lang}`);
  const {prefix, tag} = languageInfo[lang];
  const blocks = splitFrontMatter(source.text).body.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  const html = blocks.map((block) => (block.startsWith("<") ? block : `<p>${block}</p>`).replace(/<(\/?)h1>/g, "<$1h2>").replace(/href="\.\/([^"]*)"/g, `href="./${prefix}/$1"`));
  return `<section class="not-found-language" lang="${tag}">\n${html.join("\n")}\n</section>`;
}

/** A relative address of the English page, from one folder down (/sq/…): files of the site's root, not of the language's. */
function fromLanguageFolder(code: string): string {
  return code.replace(/(["'])\.\/(components|lib|data)\//g, "$1../$2/").replace(/FileAttachment\((["'])data\//g, "FileAttachment($1../data/");
}

/** The Markdown of `page` in `lang`: the English page's front matter and code, the translation's title and words. */
export function translatedPage(page: string, lang: Exclude<Lang, "en">, root = SOURCE_DIR): string {
  const issues = translationIssues(page, lang, root);
  if (issues.length) throw new Error(issues.map((issue) => `${issue.file}: ${issue.rule}`).join("\n"));
  const english = splitFrontMatter(readFileSync(join(root, `${page}.md`), "utf8"));
  const translated = splitFrontMatter(translationSource(page, lang)!.text);
  const blocks = (english.body.match(CODE_BLOCK) ?? []).map(fromLanguageFolder);
  let next = 0;
  // The datasets are the site's, at its root; a language's chart files are its own (/sq/charts/), beside its pages.
  const body = translated.body.replace(CODE_MARKER, () => blocks[next++]).replace(/\]\(\.\/data\//g, "](../data/").replace(/href="\.\/data\//g, 'href="../data/');
  const front = {...english.front, title: JSON.stringify(translated.front.title.replace(/^"(.*)"$/, "$1"))};
  return `---\n${Object.entries(front).map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n${body}`;
}
