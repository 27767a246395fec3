// DOM builders for what the console knows about visitors: a row of the
// Visitors list and the rows of a chat's visitor panel. Visitor data (names,
// page titles, URLs, cart items, UTM values) only ever goes in as text.

import { t, tn } from "./i18n.js";
import { el, formatDuration, formatMoney, visitorName } from "./view.js";

export { formatDuration };

/** A page's title, else the path of its URL, else the URL as given. */
export function pageLabel(page) {
  if (typeof page?.title === "string" && page.title.trim()) return page.title;
  const url = String(page?.url ?? "");
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Where the visitor came from: utm source / campaign, else the referrer's host, else "direct". */
export function sourceText(source) {
  const utm = [source?.utmSource, source?.utmCampaign].filter((part) => typeof part === "string" && part.trim());
  if (utm.length > 0) return utm.join(" / ");
  const referrer = typeof source?.referrer === "string" ? source.referrer.trim() : "";
  if (!referrer) return t("visitors.direct");
  try {
    return new URL(referrer).host || referrer;
  } catch {
    return referrer;
  }
}

/** The cart's items, or none for a missing or malformed cart. */
export function cartItems(cart) {
  return Array.isArray(cart?.items) ? cart.items.filter((item) => item && typeof item === "object") : [];
}

/** The cart's total in its currency, or "" when there is no cart or nothing in it. */
export function cartTotal(cart) {
  if (!cart || (cartItems(cart).length === 0 && !(Number(cart.total) > 0))) return "";
  return formatMoney(cart.total, cart.currency);
}

/** One visitor of GET /api/sites/{site}/visitors as an `li[data-visitor-id]`. */
export function visitorListItem(visitor) {
  const chatting = Boolean(visitor.chatting);
  const returning = Boolean(visitor.returning);
  const page = visitor.page ?? {};
  const total = cartTotal(visitor.cart);
  return el(
    "li",
    { class: "visitor", data: { visitorId: visitor.id, chatting: chatting || null, returning: returning || null } },
    el(
      "div",
      { class: "visitor-top" },
      el("span", { class: "visitor-name", text: visitorName(visitor) }),
      returning ? el("span", { class: "badge returning", text: t("visitors.returning") }) : null,
      chatting ? el("span", { class: "badge chatting", text: t("visitors.chatting") }) : null,
      chatting ? null : el("button", { class: "invite", text: t("visitors.invite"), attrs: { type: "button" } }),
    ),
    el("div", { class: "visitor-page", text: pageLabel(page), attrs: { title: page.url } }),
    el(
      "div",
      { class: "visitor-meta" },
      el("span", { class: "visitor-time", text: t("visitors.time", { time: formatDuration(visitor.onSiteSeconds) }) }),
      el("span", { class: "visitor-pages", text: tn("visitors.pages", Number(visitor.pages) || 0) }),
      total ? el("span", { class: "visitor-cart", text: t("visitors.cart", { total }) }) : null,
      el("span", { class: "visitor-source", text: sourceText(visitor.source) }),
    ),
  );
}

/**
 * The visitor panel's rows (`.panel-row`: a label and its value). `dwell(page)`
 * gives the seconds spent on a page; the current page's dwell spans are returned
 * in `live`, for a ticker to keep counting.
 */
export function visitorPanelRows(visitor, dwell) {
  const rows = [];
  const live = [];
  const pages = Array.isArray(visitor.pages) ? visitor.pages.filter(Boolean) : [];
  const dwellSpan = (page, current) => {
    const span = el("span", { class: "page-dwell", text: formatDuration(dwell(page)) });
    if (current) live.push({ span, page });
    return span;
  };
  if (visitor.verified) {
    rows.push(row("identity", t("panel.identity"), el("span", { class: "badge verified", text: t("panel.verified"), data: { verified: "" } })));
  }
  // An e-mail customer's name may be all the list shows; the address is who the answer goes to.
  if (visitor.email) rows.push(row("email", t("panel.email"), el("span", { class: "panel-email", text: visitor.email })));
  const current = pages.at(-1);
  if (current) {
    rows.push(row("now", t("panel.now"), el("span", { class: "page-title", text: pageLabel(current), attrs: { title: current.url } }),
      dwellSpan(current, true)));
    const list = pages.map((page) =>
      el("li", {}, el("span", { class: "page-title", text: pageLabel(page), attrs: { title: page.url } }), dwellSpan(page, page === current)));
    rows.push(row("pages", tn("panel.pages", pages.length), el("ol", { class: "panel-pages" }, ...list)));
  }
  // A cart and a referrer belong to the web site: an e-mail, form or messenger customer has neither to show.
  const onSite = (visitor.channel ?? "web") === "web";
  if (onSite && visitor.cart !== undefined) rows.push(row("cart", t("panel.cart"), ...cartNodes(visitor.cart)));
  if (onSite && (visitor.source || visitor.returning !== undefined)) {
    rows.push(row("source", t("panel.source"), el("span", { class: "panel-source", text: sourceText(visitor.source) }),
      visitor.returning ? el("span", { class: "badge returning", text: t("panel.returning") }) : null));
  }
  return { rows, live };
}

function cartNodes(cart) {
  const items = cartItems(cart);
  if (items.length === 0) return [el("span", { class: "panel-empty", text: t("panel.cartEmpty") })];
  const lines = items.map((item) => {
    const qty = Number(item.qty) || 0;
    return el(
      "li",
      {},
      el("span", { class: "cart-item", text: t("panel.cartItem", { name: String(item.name || item.sku || ""), qty }) }),
      el("span", { class: "cart-price", text: formatMoney((Number(item.price) || 0) * qty, cart.currency) }),
    );
  });
  return [el("ul", { class: "panel-cart" }, ...lines), el("span", { class: "cart-total", text: t("panel.cartTotal", { total: formatMoney(cart.total, cart.currency) }) })];
}

export function row(name, label, ...values) {
  return el("div", { class: "panel-row", data: { row: name } }, el("dt", { text: label }), el("dd", {}, ...values));
}
