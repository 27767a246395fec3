// Co-browsing (docs/cobrowsing.md): the operator asks, and once the visitor agrees their page is drawn in #cobrowse,
// scaled to the pane, from the snapshot and changes the widget sends. It is drawn into a sandboxed frame that runs no
// script (the page's markup is the visitor's, so it is also cleaned here of anything that could run). Clicks on it
// point an element out to the visitor, the wheel scrolls their view, and with their second consent a clicked field
// can be filled in. Fields the widget masked arrive masked: their values never leave the visitor's browser.

import { app, rerender } from "./app.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { showToast } from "./notices.js";

const SCROLL_SEND_MS = 150;
const NEVER_DRAWN = new Set(["SCRIPT", "NOSCRIPT", "IFRAME", "FRAME", "OBJECT", "EMBED", "META", "BASE", "TEMPLATE"]);
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "poster", "data"];
const MASKED_STYLE = "[data-sb-masked]{background:repeating-linear-gradient(45deg,#eee 0 6px,#ccc 6px 12px)!important;"
  + "color:transparent!important}";

const ui = {
  request: $("cobrowse-request"),
  section: $("cobrowse"),
  state: $("cobrowse-state"),
  control: $("cobrowse-control"),
  stop: $("cobrowse-stop"),
  fill: $("cobrowse-fill"),
  field: $("cobrowse-field"),
  value: $("cobrowse-value"),
  screen: $("cobrowse-screen"),
  frame: $("cobrowse-frame"),
  glass: $("cobrowse-glass"),
  pointer: $("cobrowse-pointer"),
};

/**
 * Per conversation: {stage: "asked"|"loading"|"sharing", control: "off"|"asked"|"allowed"|"denied", parts, doc, url,
 * width, height, scrollX, scrollY, pointerX, pointerY, fillNode}. doc is the page as last drawn, kept while another
 * chat is on show.
 */
const sessions = new Map();
let shownId = null; // the conversation whose page the frame holds
let scale = 1;
let scrollTimer = 0;

export function bindCoBrowse() {
  ui.request.addEventListener("click", () => act("request"));
  ui.control.addEventListener("click", () => act("request_control"));
  ui.stop.addEventListener("click", () => {
    const id = app.selectedId;
    if (act("stop")) end(id);
  });
  ui.glass.addEventListener("click", point);
  ui.glass.addEventListener("wheel", scrollVisitor, { passive: false });
  ui.fill.addEventListener("submit", (event) => {
    event.preventDefault();
    const session = sessions.get(app.selectedId);
    if (session?.fillNode == null) return;
    send("cobrowse_guide", { action: "fill", node: session.fillNode, value: ui.value.value });
    session.fillNode = null;
    rerender();
  });
  // The view page loads once; a page that arrived before it is drawn then.
  ui.frame.addEventListener("load", () => draw(sessions.get(shownId)));
  addEventListener("resize", () => layout(sessions.get(shownId)));
}

export function resetCoBrowse() {
  sessions.clear();
  shownId = null;
}

/** The server's co-browsing frames for this operator's chats. */
export const coBrowseHandlers = {
  cobrowse: onConsent,
  cobrowse_dom: onDom,
  cobrowse_view: onView,
};

export function renderCoBrowse(conv) {
  const session = conv ? sessions.get(conv.id) : null;
  const web = !conv?.visitor?.channel || conv.visitor.channel === "web";
  ui.request.hidden = !conv || !web;
  ui.request.disabled = Boolean(session) || !["assigned", "active"].includes(conv?.status);
  ui.section.hidden = !session;
  if (!session) {
    shownId = null;
    return;
  }
  ui.state.textContent = stateText(session);
  ui.control.hidden = session.stage !== "sharing" || ["asked", "allowed"].includes(session.control);
  ui.screen.hidden = session.stage !== "sharing";
  ui.fill.hidden = session.control !== "allowed" || session.fillNode == null;
  if (shownId !== conv.id) {
    shownId = conv.id;
    draw(session);
  }
}

function stateText(session) {
  if (session.stage === "asked") return t("cobrowse.asked");
  if (session.stage === "loading") return t("cobrowse.loading");
  const control = { asked: "cobrowse.controlAsked", allowed: "cobrowse.controlAllowed", denied: "cobrowse.controlDenied" }[session.control];
  return control ? `${t("cobrowse.sharing")} ${t(control)}` : t("cobrowse.sharing");
}

function send(type, fields) {
  return app.socket?.send({ type, conversationId: app.selectedId, ...fields }) ?? false;
}

function act(action) {
  const id = app.selectedId;
  if (!id || !send("cobrowse", { action })) return false;
  if (action === "request") sessions.set(id, newSession());
  rerender();
  return true;
}

function newSession() {
  return { stage: "asked", control: "off", parts: [], doc: null, url: "", width: 0, height: 0, scrollX: 0, scrollY: 0, fillNode: null };
}

function end(id, message) {
  sessions.delete(id);
  if (shownId === id) shownId = null;
  if (message) showToast(message);
}

function onConsent(frame) {
  const id = frame.conversationId;
  const session = sessions.get(id);
  switch (frame.action) {
    case "request":
      if (!session) sessions.set(id, newSession()); // asked from another console of this operator
      break;
    case "accept":
      if (session) session.stage = "loading";
      break;
    case "decline":
      end(id, t("cobrowse.declined"));
      break;
    case "request_control":
      if (session) session.control = "asked";
      break;
    case "allow_control":
    case "deny_control":
      if (session) session.control = frame.action === "allow_control" ? "allowed" : "denied";
      break;
    case "stop":
      if (session) end(id, t(`cobrowse.stopped.${["visitor", "system"].includes(frame.by) ? frame.by : "operator"}`));
      break;
  }
}

function onDom(frame) {
  const session = sessions.get(frame.conversationId);
  if (!session) return;
  Object.assign(session, viewport(frame, session));
  if (frame.kind === "snapshot") {
    const parts = Number(frame.parts) || 1;
    if (frame.part === 0) session.parts = [];
    session.parts[frame.part] = String(frame.html ?? "");
    if (session.parts.length !== parts || session.parts.includes(undefined)) return;
    session.doc = page(session.parts.join(""), session.url);
    session.parts = [];
    session.stage = "sharing";
    if (shownId === frame.conversationId) draw(session);
  } else if (frame.kind === "mutation" && session.doc) {
    const shown = shownId === frame.conversationId ? ui.frame.contentDocument : null;
    for (const patch of Array.isArray(frame.patches) ? frame.patches : []) {
      replace(session.doc, patch);
      if (shown) replace(shown, patch);
    }
  }
}

function onView(frame) {
  const session = sessions.get(frame.conversationId);
  if (!session) return;
  Object.assign(session, viewport(frame, session));
  for (const key of ["scrollX", "scrollY", "pointerX", "pointerY"]) {
    if (Number.isFinite(frame[key])) session[key] = frame[key];
  }
  if (shownId === frame.conversationId) layout(session);
}

function viewport(frame, session) {
  return {
    url: typeof frame.url === "string" ? frame.url : session.url,
    width: Number(frame.width) > 0 ? Number(frame.width) : session.width,
    height: Number(frame.height) > 0 ? Number(frame.height) : session.height,
  };
}

// ---- the page: parsed (nothing runs while parsing), cleaned, drawn into the sandboxed frame ----

function page(html, url) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  clean(doc.documentElement);
  const base = doc.createElement("base");
  if (/^https?:/i.test(url)) base.href = url; // the page's relative links and images resolve as for the visitor
  const style = doc.createElement("style");
  style.textContent = MASKED_STYLE;
  doc.head.prepend(base);
  doc.head.append(style);
  return doc;
}

function clean(root) {
  for (const node of [root, ...root.querySelectorAll("*")]) {
    const tag = node.tagName.toUpperCase(); // SVG's are lower case
    if (NEVER_DRAWN.has(tag) || (tag === "LINK" && !/stylesheet/i.test(node.getAttribute("rel") ?? ""))) {
      node.remove();
      continue;
    }
    for (const attr of [...node.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc" || (URL_ATTRIBUTES.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value))) {
        node.removeAttribute(attr.name);
      }
    }
  }
}

/** One changed element, by its number: its new markup replaces it. */
function replace(doc, patch) {
  const old = Number.isInteger(patch?.node) ? doc.querySelector(`[data-sb-node="${patch.node}"]`) : null;
  if (!old || typeof patch.html !== "string") return;
  let fresh;
  if (old === doc.documentElement || old === doc.head || old === doc.body) {
    const parsed = new DOMParser().parseFromString(`<!doctype html>${patch.html}`, "text/html");
    fresh = { HTML: parsed.documentElement, HEAD: parsed.head, BODY: parsed.body }[old.tagName];
  } else {
    const template = document.createElement("template"); // parses any element in place (table rows too), inert
    template.innerHTML = patch.html;
    fresh = template.content.firstElementChild;
  }
  if (!fresh) return;
  clean(fresh);
  old.replaceWith(doc.importNode(fresh, true));
}

function draw(session) {
  const doc = ui.frame.contentDocument;
  if (!session?.doc || !doc?.documentElement || doc.location.pathname !== "/cobrowse/view") return;
  doc.replaceChild(doc.importNode(session.doc.documentElement, true), doc.documentElement);
  layout(session);
}

/** The visitor's viewport, scaled to the pane; their scroll position and pointer on it. */
function layout(session) {
  if (!session?.width || !session.height) return;
  const room = ui.screen.clientWidth || ui.section.clientWidth || session.width;
  scale = Math.min(1, room / session.width);
  Object.assign(ui.frame.style, { width: `${session.width}px`, height: `${session.height}px`, transform: `scale(${scale})` });
  ui.screen.style.height = `${Math.round(session.height * scale)}px`;
  ui.frame.contentWindow?.scrollTo(session.scrollX, session.scrollY);
  const pointed = Number.isFinite(session.pointerX);
  ui.pointer.hidden = !pointed;
  if (pointed) {
    ui.pointer.style.left = `${(session.pointerX - session.scrollX) * scale}px`;
    ui.pointer.style.top = `${(session.pointerY - session.scrollY) * scale}px`;
  }
}

// ---- guiding: point, scroll, fill ----

function point(event) {
  const session = sessions.get(app.selectedId);
  const doc = ui.frame.contentDocument;
  if (session?.stage !== "sharing" || !doc) return;
  const target = doc.elementFromPoint(event.offsetX / scale, event.offsetY / scale)?.closest("[data-sb-node]");
  const node = Number(target?.dataset.sbNode);
  if (!Number.isInteger(node)) return;
  send("cobrowse_guide", { action: "highlight", node });
  if (session.control !== "allowed" || !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
  if (target.hasAttribute("data-sb-masked")) {
    showToast(t("cobrowse.masked"));
    return;
  }
  session.fillNode = node;
  ui.field.textContent = t("cobrowse.field", { field: target.getAttribute("name") || target.id || target.getAttribute("placeholder") || node });
  ui.value.value = target.value ?? "";
  rerender();
  ui.value.focus();
}

function scrollVisitor(event) {
  const session = sessions.get(app.selectedId);
  if (session?.stage !== "sharing") return;
  event.preventDefault();
  session.scrollX = Math.max(0, Math.round(session.scrollX + event.deltaX / scale));
  session.scrollY = Math.max(0, Math.round(session.scrollY + event.deltaY / scale));
  layout(session);
  scrollTimer ||= setTimeout(() => {
    scrollTimer = 0;
    const now = sessions.get(app.selectedId);
    if (now) send("cobrowse_guide", { action: "scroll", x: now.scrollX, y: now.scrollY });
  }, SCROLL_SEND_MS);
}
