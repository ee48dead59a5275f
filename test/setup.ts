// Every test draws in English unless it chooses another language (useLanguageInNode).
import {useLanguage} from "../src/lib/i18n.ts";
import {englishCatalogue, localeDataOf} from "../loaders/messages.ts";

useLanguage("en", englishCatalogue(), localeDataOf("en"));
