// The operator's chats as data: sequenced events per conversation, replies
// still waiting for their event, what has been read. No DOM here.

import { asPage, dwellSeconds, isObject, mergeVisitor } from "./chat-visitor.js";

/**
 * @typedef {object} Conversation
 * @property {string} id
 * @property {string} status queued | assigned | active | closed
 * @property {import("./chat-visitor.js").Visitor} visitor
 * @property {string | null} queue the queue the chat is in
 * @property {Record<string, string>} form pre-chat form answers by field id
 * @property {string | null} phone where the visitor asked to be called back
 * @property {Map<number, object>} events sequenced frames by seq
 * @property {number} lastSeq highest seq seen, sent back on resume
 * @property {number} liveFrom events up to this seq were history at welcome time
 * @property {number} statusSeq seq of the frame that set the status
 * @property {number} readSeq visitor messages after this seq are unread
 * @property {Map<string, {id: string, text: string, error?: string, kind?: "note", quickReplies?: string[]}>} pending
 *   replies (and internal notes) by client id
 * @property {{draft: string, until: number} | null} typing
 */

export class ChatStore {
  /** @type {Map<string, Conversation>} in the order they were given to the operator */
  conversations = new Map();

  /**
   * @param {{id: string}} operator the signed-in operator
   * @param {Record<string, number>} read readSeq per conversation, kept across reloads
   */
  constructor(operator, read = {}) {
    this.operator = operator;
    this.read = { ...read };
  }

  get(id) {
    return this.conversations.get(id);
  }

  /** lastSeq of every known conversation, for hello.resume. */
  resumeMap() {
    const resume = {};
    for (const conv of this.conversations.values()) resume[conv.id] = conv.lastSeq;
    return resume;
  }

  /** Applies welcome.conversations; returns the conversations that are no longer ours. */
  applyWelcome(list = []) {
    const current = new Set();
    for (const summary of list) {
      current.add(summary.id);
      const conv = this.#ensure(summary.id, summary.visitor);
      if (summary.queue) conv.queue = String(summary.queue);
      if (isObject(summary.form)) conv.form = summary.form;
      const serverSeq = Number(summary.lastSeq) || 0;
      conv.liveFrom = serverSeq;
      this.#setStatus(conv, summary.status, serverSeq);
    }
    const gone = [...this.conversations.values()].filter((conv) => !current.has(conv.id));
    for (const conv of gone) this.remove(conv.id);
    return gone;
  }

  /**
   * Applies an `assigned` frame. On the operator socket it carries the visitor and
   * the transcript so far; a bare one is a replayed event about whoever got the chat.
   */
  applyAssigned(frame) {
    const toMe = Boolean(frame.visitor || frame.transcript) || this.#isMe(frame.operator);
    if (!this.conversations.has(frame.conversationId) && !toMe) return null;
    const conv = this.#ensure(frame.conversationId, frame.visitor);
    for (const event of frame.transcript ?? []) {
      this.applyEvent({ conversationId: conv.id, ...event });
    }
    if (frame.queue) conv.queue = String(frame.queue);
    if (isObject(frame.form)) conv.form = frame.form;
    // The operator socket's own `assigned` does not name the operator: it is us.
    this.applyEvent(frame.operator || !toMe ? frame : { ...frame, operator: this.operator });
    if (toMe) this.#setStatus(conv, "assigned", Number(frame.seq) || conv.lastSeq);
    return conv;
  }

  /**
   * Applies a sequenced frame once; duplicates (same seq) are ignored.
   * Returns true when the frame was new.
   */
  applyEvent(frame) {
    const conv = this.conversations.get(frame.conversationId);
    const seq = Number(frame.seq);
    if (!conv || !Number.isInteger(seq) || seq < 1) return false;
    if (conv.events.has(seq)) return false;
    conv.events.set(seq, frame);
    conv.lastSeq = Math.max(conv.lastSeq, seq);
    this.#follow(conv, frame, seq);
    return true;
  }

  /**
   * Whether an `unassigned` frame takes the chat away from this operator, rather
   * than being a replayed event about a hand-over that happened before.
   */
  isUnassignedFromMe(frame) {
    const conv = this.conversations.get(frame.conversationId);
    if (!conv) return false;
    if (frame.operator && !this.#isMe(frame.operator)) return false;
    const seq = Number(frame.seq);
    return !Number.isInteger(seq) || seq > conv.liveFrom;
  }

  remove(id) {
    this.conversations.delete(id);
    delete this.read[id];
  }

  /** The visitor's draft, shown for a few seconds. */
  setTyping(id, draft, durationMs) {
    const conv = this.conversations.get(id);
    if (conv) conv.typing = { draft: String(draft ?? ""), until: Date.now() + durationMs };
  }

  /**
   * A live `visitor_update`: a new page (the previous page's time there ends now)
   * and/or the cart (null when emptied). The visitor object is replaced, not changed.
   */
  updateVisitor(id, { page, pages, cart }) {
    const conv = this.conversations.get(id);
    if (!conv) return;
    const now = Date.now();
    const visitor = { ...conv.visitor };
    if (Array.isArray(pages)) Object.assign(visitor, { pages: pages.map(asPage), pagesAt: now });
    else if (page) {
      const earlier = visitor.pages.map((p, i, all) => (i === all.length - 1 ? { ...p, seconds: dwellSeconds(visitor, p, now) } : p));
      Object.assign(visitor, { pages: [...earlier, asPage(page)], pagesAt: now });
    }
    if (cart !== undefined) visitor.cart = cart;
    conv.visitor = visitor;
  }

  addPending(id, text) {
    const conv = this.conversations.get(id);
    const pending = { id: newClientId(), text };
    conv.pending.set(pending.id, pending);
    return pending;
  }

  /** Finds the conversation holding the pending reply with this client id. */
  findPending(clientId) {
    for (const conv of this.conversations.values()) {
      const pending = conv.pending.get(clientId);
      if (pending) return { conv, pending };
    }
    return null;
  }

  /** An ack whose event has already arrived settles the reply. */
  acknowledge(clientId, seq) {
    const found = this.findPending(clientId);
    if (found && found.conv.events.has(Number(seq))) found.conv.pending.delete(clientId);
  }

  markRead(conv) {
    if (conv.readSeq >= conv.lastSeq) return false;
    conv.readSeq = conv.lastSeq;
    this.read[conv.id] = conv.readSeq;
    return true;
  }

  /** Events in seq order. */
  eventsInOrder(conv) {
    return [...conv.events.keys()].sort((a, b) => a - b).map((seq) => conv.events.get(seq));
  }

  unreadCount(conv) {
    let count = 0;
    for (const [seq, event] of conv.events) {
      if (seq > conv.readSeq && event.type === "message" && event.from === "visitor") count += 1;
    }
    return count;
  }

  /**
   * Since when (ms since the epoch) the visitor has waited: the time of their latest
   * message when no operator message came after it; null when answered or closed.
   */
  waitingSince(conv) {
    if (conv.status === "closed") return null;
    let since = null;
    for (const event of this.eventsInOrder(conv)) {
      if (event.type !== "message") continue;
      if (event.from === "visitor") since = Date.parse(event.at);
      else if (event.from === "operator") since = null;
    }
    return Number.isFinite(since) ? since : null;
  }

  /** The newest message text, for the chat list preview. */
  lastMessageText(conv) {
    const pending = [...conv.pending.values()].at(-1);
    if (pending) return pending.text;
    let best = null;
    for (const [seq, event] of conv.events) {
      if (event.type === "message" && (!best || seq > best.seq)) best = { seq, text: event.text };
    }
    return best?.text ?? "";
  }

  #ensure(id, visitor) {
    let conv = this.conversations.get(id);
    if (!conv) {
      conv = {
        id,
        status: "assigned",
        visitor: { id: "", pages: [] },
        events: new Map(),
        lastSeq: 0,
        liveFrom: 0,
        statusSeq: -1,
        readSeq: this.read[id] ?? 0,
        pending: new Map(),
        typing: null,
        queue: null,
        form: {},
        phone: null,
      };
      this.conversations.set(id, conv);
    }
    if (visitor) mergeVisitor(conv, visitor);
    return conv;
  }

  // What an event means for the chat beyond its place in the transcript.
  #follow(conv, frame, seq) {
    if (frame.type === "started") {
      if (frame.visitor) mergeVisitor(conv, frame.visitor);
      if (frame.queue) conv.queue = String(frame.queue);
      if (isObject(frame.form)) conv.form = frame.form;
    }
    if (frame.type === "transferred" && frame.toQueue) conv.queue = String(frame.toQueue);
    if (frame.type === "callback" && frame.phone) conv.phone = String(frame.phone);
    if (frame.type === "closed") this.#setStatus(conv, "closed", seq);
    if (frame.type === "note") conv.pending.delete(frame.id);
    if (frame.type !== "message") return;

    conv.pending.delete(frame.id);
    if (frame.from === "operator") {
      this.#setStatus(conv, "active", seq);
      if (seq > conv.readSeq) {
        conv.readSeq = seq;
        this.read[conv.id] = seq;
      }
    }
    if (frame.from === "visitor" && seq > conv.liveFrom) conv.typing = null;
  }

  // Replayed history must not overwrite the status the welcome reported.
  #setStatus(conv, status, seq) {
    if (!status || seq < conv.statusSeq) return;
    if (conv.status === "closed" && status !== "closed") return;
    conv.status = status;
    conv.statusSeq = seq;
  }

  #isMe(operator) {
    return Boolean(operator) && operator.id === this.operator.id;
  }
}

/** crypto.randomUUID needs a secure context; plain-HTTP intranet hosts get the same format by hand. */
function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
