// State shared by the console's modules, and the one way to ask for a redraw.
// Handlers change state here and call rerender(); render.js draws from it.

export const app = {
  /**
   * dashboard: where the cluster dashboard is, for a supervisor whose sign-in set its cookie; null otherwise.
   * @type {{site: string, token: string, operator: {id: string, name: string, role?: string}, dashboard?: string | null, read: object} | null}
   */
  session: null,
  /** @type {import("./chats.js").ChatStore | null} */
  store: null,
  /** @type {import("./socket.js").OperatorSocket | null} */
  socket: null,
  selectedId: null,
  operatorStatus: "offline",
  missedCount: 0, // chats this operator let go unanswered, from welcome
  connectionState: "connecting",
  notice: null, // {key, name} shown above the chat pane
  /** The open transfer dialog: {conversationId, loading, sending, error} */
  transfer: null,
  drafts: new Map(), // unsent reply text per conversation
  scrollToEnd: false, // the next render scrolls the transcript to the newest line
  view: "chats", // "chats" or "visitors" in the sidebar, or the supervisor's "monitor"
  viewPicked: false, // a tab was chosen by hand since signing in (supervisors start on "monitor")
  noteMode: false, // the reply box adds internal notes instead of messages
  quickReplies: new Map(), // per conversation: quick replies that go with the next message
};

export function isSupervisor() {
  return app.session?.operator?.role === "supervisor";
}

let renderer = () => {};

/** render.js registers itself here, so modules can redraw without importing it. */
export function setRenderer(render) {
  renderer = render;
}

export function rerender() {
  renderer();
}

export function selectedConversation() {
  return app.selectedId ? (app.store?.get(app.selectedId) ?? null) : null;
}
