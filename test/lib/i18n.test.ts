// The languages' contracts: every language has every message, paragraph and slot English has; Serbian Cyrillic is
// Serbian Latin, transliterated; numbers, dates, lists and plurals follow each language's rules.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {checkCatalogues, I18N_DIR, useLanguageInNode} from "../../loaders/messages.ts";
import {pageNames, translationIssues} from "../../loaders/pages.ts";
import {dataTranslations} from "../../loaders/translations.ts";
import {formatCount, formatDate, formatInterval, formatP, formatPercent, formatPoints} from "../../src/components/format.ts";
import {formatList, pluralForm, tn} from "../../src/lib/i18n.ts";
import {latinToCyrillic} from "../../src/lib/transliterate.ts";
import {formatIssue} from "../../loaders/issues.ts";

const scratch: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "i18n-"));
  scratch.push(dir);
  return dir;
};
afterEach(() => {
  useLanguageInNode("en");
  for (const dir of scratch.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe("every language has everything English has", () => {
  it("the catalogues and the data's translations have no problem", () => {
    expect(checkCatalogues().issues.map(formatIssue)).toEqual([]);
  });

  for (const lang of ["sq", "sr-latn", "sr-cyrl"] as const) {
    it(`every page has its ${lang} translation, with every code place, slot, expression and heading of the English page`, () => {
      expect(pageNames().flatMap((page) => translationIssues(page, lang)).map(formatIssue)).toEqual([]);
    });
  }

  it("a message missing, emptied or with other slots in a translation is an error naming its file, line and key", () => {
    const dir = tempDir();
    cpSync(I18N_DIR, dir, {recursive: true});
    const file = join(dir, "sq", "site.json");
    const site = JSON.parse(readFileSync(file, "utf8"));
    delete site["nav.troops"];
    site["nav.members"] = " ";
    site.footer = "Paneli. Përditësuar më {dita}.";
    writeFileSync(file, JSON.stringify(site, null, 2));
    const messages = checkCatalogues(dir).issues.map(formatIssue);
    expect(messages.some((m) => /^i18n\/sq\/site\.json, column nav\.troops: no sq translation of this message \(English: i18n\/en\/site\.json line \d+\)$/.test(m))).toBe(true);
    expect(messages.some((m) => /^i18n\/sq\/site\.json line \d+, column nav\.members: the translation is empty$/.test(m))).toBe(true);
    expect(messages.some((m) => /^i18n\/sq\/site\.json line \d+, column footer: slots \{dita\} differ from English's \{date, methods\}$/.test(m))).toBe(true);
  });

  it("a page made from the template fails until it is translated", () => {
    const dir = tempDir();
    cpSync(join(I18N_DIR, "..", "src"), dir, {recursive: true});
    cpSync(join(I18N_DIR, "..", "docs", "page-template.md"), join(dir, "new-page.md"));
    expect(translationIssues("new-page", "sq", dir).map(formatIssue)).toEqual(["i18n/sq/pages/new-page.md: no translation of src/new-page.md"]);
  });

  it("a reader-facing text in data/ without its translation, or with an empty one, is a validation error naming file, line and column", () => {
    const dir = tempDir();
    cpSync(join(I18N_DIR, "..", "data"), dir, {recursive: true});
    const events = join(dir, "events.csv");
    const lines = readFileSync(events, "utf8").split("\n");
    lines[1] = lines[1].replace("NATO begins its air campaign", "NATO starts its air campaign");
    writeFileSync(events, lines.join("\n"));
    const translations = join(dir, "translations.csv");
    const rows = readFileSync(translations, "utf8").split("\n");
    const kosovo = rows.findIndex((row) => row.startsWith("Kosovo,"));
    rows[kosovo] = "Kosovo,Kosova,";
    writeFileSync(translations, rows.join("\n"));
    const messages = dataTranslations(dir).issues.map(formatIssue).map((m) => m.replace(/^\S*\/(\w+\.csv)/, "data/$1"));
    expect(messages).toContain("data/events.csv line 2, column title: no translation in translations.csv (a row with this text in its en column, and its sq and sr-latn)");
    expect(messages).toContain(`data/translations.csv line ${kosovo + 1}, column sr-latn: the translation is empty`);
    expect(messages.some((m) => /column en: no table has this text/.test(m))).toBe(true);
  });
});

describe("Serbian Cyrillic from Serbian Latin", () => {
  it.each([
    ["Javno mnjenje", "Јавно мњење"],
    ["Ljudi, NJIVA i džep", "Људи, ЊИВА и џеп"],
    ["Članice NATO-a i trupe KFOR-a", "Чланице НАТО-а и трупе КФОР-а"],
    ["injekcija, konjunkcija, nadživeti", "инјекција, конјункција, надживети"],
    ["Izvor: IRI i KCSS, CSV i PNG", "Извор: IRI и KCSS, CSV и PNG"],
    ['<a href="./opinion" class="x">Anketa</a> {count} ${value}', '<a href="./opinion" class="x">Анкета</a> {count} ${value}'],
    ["vidi https://example.org/javno i `kod`", "види https://example.org/javno и `kod`"],
    ["The Irish Times, vol. XXIV, euractiv-2023-03-10", "The Irish Times, вол. XXIV, euractiv-2023-03-10"],
    ["Ćevapi, đak, šuma, žaba, čas", "Ћевапи, ђак, шума, жаба, час"],
    ["n = 1.200, z = 5,42, p < 0,0001", "n = 1.200, z = 5,42, p < 0,0001"]
  ])("%s → %s", (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });
});

describe("numbers, dates, lists and plurals in each language", () => {
  const cases = {
    en: ["88.7%", "4,500", "50,000", "24 February 2022", "October 2014", "+6.0 points", "92.5–95.2%", "p = 0.012", "A, B and C"],
    sq: ["88,7%", "4500", "50\u00a0000", "24 shkurt 2022", "tetor 2014", "+6,0 pikë", "92,5–95,2%", "p = 0,012", "A, B dhe C"],
    "sr-latn": ["88,7%", "4.500", "50.000", "24. februar 2022.", "oktobar 2014.", "+6,0 poena", "92,5–95,2%", "p = 0,012", "A, B i C"],
    "sr-cyrl": ["88,7%", "4.500", "50.000", "24. фебруар 2022.", "октобар 2014.", "+6,0 поена", "92,5–95,2%", "p = 0,012", "A, B и C"]
  } as const;
  for (const [lang, expected] of Object.entries(cases)) {
    it(lang, () => {
      useLanguageInNode(lang as keyof typeof cases);
      expect([formatPercent(88.7), formatCount(4500), formatCount(50000), formatDate("2022-02-24"), formatDate("2014-10-01", "month"), formatPoints(6), formatInterval([92.5, 95.2]), formatP(0.012), formatList(["A", "B", "C"])]).toEqual(expected);
    });
  }

  it("Serbian counts take one, few or other by CLDR's rules (1, 21; 2–4, 22–24; 5–20, 25), Albanian and English one or other", () => {
    const forms = (lang: "en" | "sq" | "sr-latn", counts: number[]) => {
      useLanguageInNode(lang);
      return counts.map(pluralForm);
    };
    expect(forms("sr-latn", [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111])).toEqual(["one", "few", "few", "other", "other", "other", "other", "one", "few", "other", "one", "other"]);
    expect(forms("sq", [0, 1, 2, 21])).toEqual(["other", "one", "other", "other"]);
    expect(forms("en", [0, 1, 2, 21])).toEqual(["other", "one", "other", "other"]);
    useLanguageInNode("sr-latn");
    expect(tn("ui.figure.source", 1)).toBe("Izvor:");
    expect(tn("ui.figure.source", 3)).toBe("Izvori:");
  });
});
