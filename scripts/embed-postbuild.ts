// The build's part in the embed pages (/embed/<chart-id>, src/embed/[chart].md.ts): their drawn chart, adapted to
// stand alone, and their head: a scheme forced by ?theme= before anything is drawn, and the rules of a framed page.
import {LANGUAGES, languageInfo} from "../src/lib/i18n.ts";
import {readFileSync} from "node:fs";
import {join, relative, sep} from "node:path";
import type {Datasets} from "../src/components/chart.ts";
import {adaptFigureForEmbed} from "../src/components/embed-figure.ts";
import {staticChartFigure} from "../src/components/figure.ts";
import {textShades} from "../src/components/palette.ts";
import {chartById} from "../src/components/registry.ts";

/** Framework builds src/embed/[chart].md as embed/<chart-id>.html. */
export function isEmbedPage(file: string, outDir: string): boolean {
  const folders = relative(outDir, file).split(sep);
  // /embed/<id>, or a language's /sq/embed/<id>.
  return (folders[0] === "embed" || (folders[1] === "embed" && LANGUAGES.some((lang) => lang !== "en" && languageInfo[lang].prefix === folders[0]))) && file.endsWith(".html");
}

/** The static chart drawer for embed pages: the pages' drawing, adapted (embed-figure.ts). */
export function embedChartDrawer(data: Datasets, document: Document): (id: string) => string {
  return (id) => {
    const figure = staticChartFigure(chartById(id), data, document);
    adaptFigureForEmbed(figure);
    return figure.outerHTML;
  };
}

/**
 * Runs in the head, before the body is parsed: `?theme=light` or `?theme=dark` marks the page, and embed.css's
 * rules for the mark apply from the first paint; any other value is ignored (the reader's scheme). A classic inline
 * script with no handlers, so a Content-Security-Policy can allow it by its hash.
 */
export const THEME_SCRIPT = `<script>{const theme = new URLSearchParams(location.search).get("theme"); if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);}</script>`;

/** embed.css, with palette.ts's chart text shades for each forced scheme (their prefers-color-scheme rules lose). */
export function embedCss(): string {
  // Its comments are for its readers, not for every embed's bytes.
  const css = readFileSync(join(import.meta.dirname, "../src/embed/embed.css"), "utf8").replace(/\/\*[\s\S]*?\*\/\n?/g, "");
  const shades = (scheme: "light" | "dark") => Object.values(textShades).map((shade) => `  ${shade.variable}: ${shade[scheme]};`).join("\n");
  return `${css}:root[data-theme="light"] {\n${shades("light")}\n}\n:root[data-theme="dark"] {\n${shades("dark")}\n}\n`;
}

/** An embed page's head, given its theme script and rules right after the character set. */
export function addEmbedHead(html: string, page: string, css = embedCss()): string {
  const charset = '<meta charset="utf-8">\n';
  if (!html.includes(charset)) throw new Error(`${page}: no ${charset.trim()}; Framework's page template changed, review scripts/embed-postbuild.ts`);
  return html.replace(charset, () => `${charset}${THEME_SCRIPT}\n<style>${css}</style>\n`);
}
