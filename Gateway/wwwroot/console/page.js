// What the console's pages beside the main one share (Call campaigns, Reports and its operators' time section): the
// console's saved language and session, a lookup in the page's own string table, and the page's marked texts
// translated. Each page imports it with its own table; the main console has its i18n.js and session.js.

const SESSION_KEY = "switchboard:console";
const LANGUAGE_KEY = "switchboard:console:lang";

export const $ = (id) => document.getElementById(id);

/** The console's saved session ({token, site, …}), or null when nobody signed in on this browser. */
export function session() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY));
    return saved?.token && saved?.site ? saved : null;
  } catch {
    return null;
  }
}

/**
 * A page's language and strings, from its table ({en: {…}, ru: {…}}): `t(key, params)` fills `{name}` from params and
 * falls back to English, then to the key; `translate()` sets the text of every element marked `data-{attribute}` (and,
 * given `titleKey`, the document's language and title).
 */
export function consolePage(strings) {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  const lang = saved in strings ? saved : "en";

  function t(key, params = {}) {
    const template = strings[lang][key] ?? strings.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  function translate({ attribute = "i18n", titleKey } = {}) {
    if (titleKey) {
      document.documentElement.lang = lang;
      document.title = t(titleKey);
    }
    const property = attribute.replace(/-(\w)/g, (whole, letter) => letter.toUpperCase());
    for (const node of document.querySelectorAll(`[data-${attribute}]`)) node.textContent = t(node.dataset[property]);
  }

  return { lang, t, translate };
}
