// UI strings for the operator console. Every visible string lives in the
// strings-*.js modules merged below; placeholders are written {name} and
// filled by t(key, params).

import { callStrings } from "./strings-calls.js";
import { coBrowseStrings } from "./strings-cobrowse.js";
import { consoleStrings } from "./strings-console.js";
import { monitorStrings } from "./strings-monitor.js";
import { visitorStrings } from "./strings-visitors.js";
import { workplaceStrings } from "./strings-workplace.js";

const LANGUAGE_KEY = "switchboard:console:lang";

const dictionaries = { en: {}, ru: {} };

for (const extra of [consoleStrings, visitorStrings, workplaceStrings, monitorStrings, callStrings, coBrowseStrings]) {
  for (const lang of Object.keys(dictionaries)) Object.assign(dictionaries[lang], extra[lang]);
}

export const languages = Object.keys(dictionaries);

let current = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved in dictionaries) return saved;
  const preferred = (navigator.language || "en").slice(0, 2).toLowerCase();
  return preferred in dictionaries ? preferred : "en";
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!(lang in dictionaries)) return;
  current = lang;
  localStorage.setItem(LANGUAGE_KEY, lang);
}

/** The string for key in the current language, with {placeholders} filled in. */
export function t(key, params = {}) {
  const template = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A count with its plural form: key.one, key.few, key.many or key.other as the
 * language's plural rules pick (English uses one/other); {count} is filled in.
 */
export function tn(key, count, params = {}) {
  const form = new Intl.PluralRules(current).select(count);
  const chosen = `${key}.${form}` in dictionaries[current] ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { ...params, count });
}

/** Fills static markup: data-i18n sets textContent, data-i18n-<attr> sets that attribute. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.title = t("app.title");
  for (const node of root.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const attr of ["placeholder", "title", "aria-label"]) {
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.getAttribute(`data-i18n-${attr}`)));
    }
  }
}
