// What the console knows about a chat's visitor, as data: merging what the server
// sends about them, and the time they spent on pages. No DOM here.

/**
 * @typedef {object} Visitor what the operator knows about the visitor of a chat
 * @property {string} id
 * @property {string} [name]
 * @property {Array<{url: string, title?: string, seconds?: number}>} pages most recent last; `seconds` is the
 *   time spent there, for the last page the time so far when `pagesAt` was taken
 * @property {number} [pagesAt] Date.now() when the pages were last received
 * @property {{items: Array<{sku, name, qty, price}>, total: number, currency: string} | null} [cart]
 * @property {{referrer?: string, utmSource?: string, utmCampaign?: string}} [source]
 * @property {boolean} [returning]
 * @property {boolean} [verified] signed in on the site with an identity the site signed
 * @property {string} [email] an e-mail customer's address, where the operator's answers go
 */

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function mergeVisitor(conv, visitor) {
  const merged = { ...conv.visitor };
  if (visitor.id) merged.id = String(visitor.id);
  if (visitor.name) merged.name = String(visitor.name);
  if (Array.isArray(visitor.pages)) Object.assign(merged, { pages: visitor.pages.map(asPage), pagesAt: Date.now() });
  if (visitor.cart !== undefined) merged.cart = visitor.cart;
  if (isObject(visitor.source)) merged.source = visitor.source;
  if (typeof visitor.returning === "boolean") merged.returning = visitor.returning;
  if (typeof visitor.verified === "boolean") merged.verified = visitor.verified;
  if (typeof visitor.channel === "string") merged.channel = visitor.channel;
  if (typeof visitor.email === "string" && visitor.email) merged.email = visitor.email;
  conv.visitor = merged;
}

/** A page as {url, title?, seconds?}; older servers sent the URL alone. */
export function asPage(page) {
  return typeof page === "string" ? { url: page } : { ...page };
}

/** Seconds spent on a page: for the visitor's current (last) page, counted on until `now`. */
export function dwellSeconds(visitor, page, now = Date.now()) {
  const base = Number(page?.seconds) || 0;
  const current = page === visitor.pages?.at(-1) && visitor.pagesAt;
  return current ? base + Math.max(0, Math.floor((now - visitor.pagesAt) / 1000)) : base;
}
