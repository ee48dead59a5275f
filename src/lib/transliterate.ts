// Serbian in Latin script to Serbian in Cyrillic: the site's Serbian is written once, in Latin, and the Cyrillic pages
// are made from it by this function (catalogues, page prose, translated data text). Serbian's two alphabets map letter
// for letter, except three digraphs (lj, nj, dž are one letter each: љ, њ, џ), the few words where those pairs are two
// letters, and what must stay as written: addresses, code, {slots}, HTML, and names kept in their own script.

const LETTERS: Record<string, string> = {
  a: "а", b: "б", c: "ц", č: "ч", ć: "ћ", d: "д", đ: "ђ", e: "е", f: "ф", g: "г", h: "х", i: "и", j: "ј", k: "к", l: "л",
  m: "м", n: "н", o: "о", p: "п", r: "р", s: "с", š: "ш", t: "т", u: "у", v: "в", z: "з", ž: "ж",
  // Letters Serbian does not have, in names and abbreviations transliterated all the same (Kosovo's "Q" in QKSS aside:
  // that name is kept, below).
  q: "ку", w: "в", x: "кс", y: "и"
};
const DIGRAPHS: Record<string, string> = {lj: "љ", nj: "њ", dž: "џ"};

/**
 * Words where lj, nj or dž are two letters (a prefix ending in n or d before j or ž): written letter by letter. Matched
 * as the start of a lower-cased word, so every ending of each is covered.
 */
export const TWO_LETTER_STEMS = ["konjunk", "konjug", "injek", "injic", "nadživ", "nadžnj", "odžal", "podžanr", "vanjezič", "tanjug"];

/**
 * Words kept in Latin script in the Cyrillic text: the statistical symbols (n = 1.200, p < 0,0001, z = 5,42; no
 * Serbian word is one of these letters alone), file formats and technical names a reader types or matches as written,
 * and organisations' own Latin names. NATO and KFOR are not here: Serbian writes them НАТО and КФОР.
 */
export const KEPT_IN_LATIN = new Set(["n", "p", "z", "SVG", "PNG", "CSV", "JSON", "HTML", "URL", "CC", "BY", "MIT", "CAPI", "Ipsos", "Wikipedia", "Gallup", "IRI", "KCSS", "QKSS", "B92", "VOA", "Sputnik", "Gazeta", "Tema", "Plot", "Observable", "Framework"]);

/** Names of several words kept in Latin script: publications and organisations cited by their own names. */
export const KEPT_PHRASES = ["Kosovo and NATO dashboard", "Natural Earth", "world-atlas", "1:50m", "The Jerusalem Post", "The Irish Times", "Turkish Weekly", "bne IntelliNews", "Euractiv", "EUobserver", "eurasia.ro", "Strategic Analysis", "Center for Insights in Survey Research", "Gate 2"];

const ROMAN_NUMERAL = /^(?=[MDCLXVI]{2,}$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

/** Text that is never transliterated: HTML comments and tags, entities, ${expressions}, {slots}, `code`, Markdown link targets, addresses. */
const PROTECTED = new RegExp(
  [/<!--[\s\S]*?-->/, /<[^>]*>/, /&[#\w]+;/, /\$\{[^}]*\}/, /\{\w+\}/, /`[^`\n]*`/, /\]\([^)\s]*\)/, /https?:\/\/[^\s)<>"]+/, /\b[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}(?:-\d{2}){0,2}\b/]
    .map((pattern) => pattern.source)
    .concat(KEPT_PHRASES.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .map((source) => `(?:${source})`)
    .join("|")
    // One capturing group around all: split() then puts each protected part at an odd index.
    .replace(/^(.*)$/s, "($1)")
);

function letterByLetter(word: string, digraphs: boolean): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    const lowerPair = pair.toLowerCase();
    if (digraphs && DIGRAPHS[lowerPair]) {
      const cyrillic = DIGRAPHS[lowerPair];
      out += pair[0] === pair[0].toLowerCase() ? cyrillic : cyrillic.toUpperCase();
      i++;
      continue;
    }
    const char = word[i];
    const lower = char.toLowerCase();
    const mapped = LETTERS[lower];
    if (mapped === undefined) out += char;
    else if (char === lower) out += mapped;
    // An upper-case letter mapped to two ("Q" → "Ку"): only the first is a capital, unless the whole word is.
    else out += word === word.toUpperCase() && word.length > 1 ? mapped.toUpperCase() : mapped[0].toUpperCase() + mapped.slice(1);
  }
  return out;
}

function transliterateWord(word: string): string {
  if (KEPT_IN_LATIN.has(word) || ROMAN_NUMERAL.test(word)) return word;
  const lower = word.toLowerCase();
  return letterByLetter(word, !TWO_LETTER_STEMS.some((stem) => lower.startsWith(stem)));
}

/** Serbian Latin text in Cyrillic, with every protected part (see PROTECTED, KEPT_IN_LATIN) as it was. */
export function latinToCyrillic(text: string): string {
  return text
    .split(PROTECTED)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\p{L}\p{N}]+/gu, transliterateWord)))
    .join("");
}
