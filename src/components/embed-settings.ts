// An embed of a chart from /invasion follows that page's settings, read from its own address the same way
// (/embed/<chart-id>?cutoff=2023-01-01&deff=1.5&interval=wald): the Embed dialog on /invasion carries them into the
// snippet. Only those embeds load this module.
import {atDefaultSettings, datasetsAtSettings} from "../lib/invasion.js";
import {addressNote, searchForSettings, settingsFromSearch} from "../lib/settings.js";
import type {Datasets} from "../lib/contracts.js";
import type {HydrateOptions} from "./hydrate.js";

/** The embed's own parameter (?theme=), which the page's settings do not know and must not call unknown. */
const EMBED_PARAMETERS = ["theme"];

/**
 * The datasets at the address's settings, and when the live chart should replace the drawn one: at once when the
 * settings are not the defaults the build drew at, or the drawing would contradict the address. What was ignored is
 * said in a note above the chart, as text; the link to the chart on its page carries the settings in use.
 */
export function followPageSettings(document: Document, data: Datasets): {data: Datasets; options: HydrateOptions} {
  const search = new URLSearchParams(document.location.search);
  for (const name of EMBED_PARAMETERS) search.delete(name);
  const {settings, ignored} = settingsFromSearch(search.toString());
  const note = addressNote(ignored);
  if (note) {
    const paragraph = document.createElement("p");
    paragraph.className = "setting-note";
    paragraph.setAttribute("role", "status");
    paragraph.textContent = note;
    document.querySelector(".embed-page")?.prepend(paragraph);
  }
  const view = document.querySelector<HTMLAnchorElement>(".embed-view-link");
  if (view) view.search = searchForSettings(settings);
  return {data: datasetsAtSettings(data, settings), options: {when: atDefaultSettings(settings) ? "interaction" : "load"}};
}
