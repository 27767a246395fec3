// The operator WebSocket: connects, says hello with the resume map, reconnects
// with jittered exponential backoff and tells the console when the token no
// longer works. It knows nothing about chats beyond the frames it passes on.

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
// A socket that has not been welcomed by then is treated as a failed attempt.
const WELCOME_TIMEOUT_MS = 10_000;
// After this many attempts in a row closed before welcome, ask /health/live
// whether the server is up: if it is, the token is what is being refused.
const FAILURES_BEFORE_PROBE = 3;
// Close codes a server may use to refuse an operator outright.
const REFUSED_CLOSE_CODES = new Set([1008, 4001, 4401, 4403]);
/** Our own close when hello was answered "unavailable": a busy cluster, not a refused token. */
const RETRY_CLOSE_CODE = 4503;
/** What fetchTicket returns when the token itself is refused (signed out, disabled, removed, expired). */
const TOKEN_REFUSED = Symbol("token refused");

export class OperatorSocket {
  #token;
  #resume;
  #onFrame;
  #onState;
  #onUnauthorized;

  #ws = null;
  #connecting = false;
  #ready = false;
  #stopped = true;
  #attempt = 0;
  #retryTimer = 0;
  #welcomeTimer = 0;
  #failuresBeforeWelcome = 0;
  #serverSeenUp = false;

  /**
   * @param {object} options
   * @param {string} options.token access token from /api/auth/login
   * @param {() => Record<string, number>} options.resume lastSeq per known conversation
   * @param {(frame: object) => void} options.onFrame every frame, welcome included
   * @param {(state: "connecting"|"online"|"offline") => void} options.onState
   * @param {() => void} options.onUnauthorized the token was refused; the socket has stopped
   */
  constructor({ token, resume, onFrame, onState, onUnauthorized }) {
    this.#token = token;
    this.#resume = resume;
    this.#onFrame = onFrame;
    this.#onState = onState;
    this.#onUnauthorized = onUnauthorized;
  }

  /** True between the server's welcome and the socket closing. */
  get ready() {
    return this.#ready;
  }

  start() {
    this.#stopped = false;
    this.#connect();
  }

  stop() {
    this.#stopped = true;
    this.#ready = false;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#welcomeTimer);
    const ws = this.#ws;
    this.#ws = null;
    ws?.close(1000);
  }

  /** Skips the remaining backoff, e.g. when the browser reports it is back online. */
  reconnectNow() {
    if (this.#stopped || this.#ws || this.#connecting) return;
    clearTimeout(this.#retryTimer);
    this.#connect();
  }

  /** Sends a frame if the socket is welcomed; returns whether it was sent. */
  send(frame) {
    if (!this.#ready) return false;
    this.#ws.send(JSON.stringify(frame));
    return true;
  }

  async #connect() {
    this.#onState(this.#attempt === 0 ? "connecting" : "offline");
    this.#connecting = true;
    const ticket = await fetchTicket(this.#token);
    this.#connecting = false;
    if (this.#stopped || this.#ws) return;
    if (ticket === TOKEN_REFUSED) {
      this.#refused();
      return;
    }
    if (!ticket) {
      this.#scheduleReconnect();
      return;
    }
    const ws = new WebSocket(operatorSocketUrl(ticket));
    this.#ws = ws;
    ws.addEventListener("open", () => {
      ws.send(JSON.stringify({ type: "hello", resume: this.#resume() }));
    });
    ws.addEventListener("message", (event) => this.#receive(ws, event.data));
    ws.addEventListener("close", (event) => this.#closed(ws, event.code));
    this.#welcomeTimer = setTimeout(() => ws.close(), WELCOME_TIMEOUT_MS);
  }

  #receive(ws, data) {
    if (ws !== this.#ws) return;
    const frame = parseFrame(data);
    if (!frame) return;
    if (frame.type === "error" && frame.code === "unauthorized") {
      this.#refused();
      return;
    }
    if (frame.type === "error" && frame.code === "unavailable" && !this.#ready) {
      // hello could not be answered this time: reconnect with backoff and say it again.
      ws.close(RETRY_CLOSE_CODE);
      return;
    }
    if (frame.type === "welcome") this.#welcomed();
    this.#onFrame(frame);
    if (frame.type === "welcome") this.#onState("online");
  }

  #welcomed() {
    clearTimeout(this.#welcomeTimer);
    this.#ready = true;
    this.#attempt = 0;
    this.#failuresBeforeWelcome = 0;
    this.#serverSeenUp = false;
  }

  async #closed(ws, code) {
    if (ws !== this.#ws) return;
    clearTimeout(this.#welcomeTimer);
    const wasReady = this.#ready;
    this.#ready = false;
    this.#ws = null;
    if (this.#stopped) return;
    this.#onState("offline");

    if (!wasReady && code !== RETRY_CLOSE_CODE && (REFUSED_CLOSE_CODES.has(code) || (await this.#looksRefused()))) {
      this.#refused();
      return;
    }
    if (this.#stopped || this.#ws) return;
    this.#scheduleReconnect();
  }

  // Browsers hide the HTTP status of a refused handshake, so a refused token and
  // a server that is down look alike; telling them apart takes a health probe.
  async #looksRefused() {
    this.#failuresBeforeWelcome += 1;
    if (this.#failuresBeforeWelcome < FAILURES_BEFORE_PROBE) return false;
    if (this.#serverSeenUp) return true;
    this.#serverSeenUp = await serverIsUp();
    return false;
  }

  #refused() {
    this.stop();
    this.#onUnauthorized();
  }

  #scheduleReconnect() {
    const delay = backoffDelay(this.#attempt);
    this.#attempt += 1;
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }
}

/**
 * A one-time ticket for the handshake (POST /api/ws-ticket): the token travels only in a header, so it never
 * appears in a URL a proxy might log. Null when the gateway could not be asked; TOKEN_REFUSED for a 401/403.
 */
async function fetchTicket(token) {
  try {
    const response = await fetch("/api/ws-ticket", { method: "POST", cache: "no-store", headers: { Authorization: `Bearer ${token}` } });
    if (response.status === 401 || response.status === 403) return TOKEN_REFUSED;
    if (!response.ok) return null;
    const body = await response.json();
    return typeof body?.ticket === "string" ? body.ticket : null;
  } catch {
    return null;
  }
}

function operatorSocketUrl(ticket) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws/operator?ticket=${encodeURIComponent(ticket)}`;
}

/** Exponential backoff with "equal jitter": half the ceiling fixed, half random. */
function backoffDelay(attempt) {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function parseFrame(data) {
  try {
    const frame = JSON.parse(data);
    return frame && typeof frame.type === "string" ? frame : null;
  } catch {
    return null;
  }
}

async function serverIsUp() {
  try {
    const response = await fetch("/health/live", { cache: "no-store" });
    return response.ok;
  } catch {
    return false;
  }
}
