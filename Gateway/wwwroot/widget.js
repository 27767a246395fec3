// Switchboard chat widget: <script src="https://host/widget.js" data-site="demo" async></script>
// No dependencies, no build. Visitor and operator text only ever goes through textContent.
(() => {
  'use strict';
  if (window.Switchboard) return;
  const script = document.currentScript || document.querySelector('script[data-site][src*="widget.js"]');
  if (!script) return;
  const site = script.dataset.site;
  const src = new URL(script.src, location.href);
  const wsUrl = `${src.protocol === 'https:' ? 'wss' : 'ws'}://${src.host}/ws/visitor?site=${encodeURIComponent(site)}`;
  const tokenKey = `switchboard:${site}:token`;
  const convKey = `switchboard:${site}:conversation`;
  const langKey = `switchboard:${site}:lang`;

  const STRINGS = {
    en: {
      title: 'Chat with us', placeholder: 'Type a message…', send: 'Send', end: 'End chat', open: 'Chat',
      hello: 'Ask us anything, we usually reply within a minute.', waiting: 'Connecting you to an operator…',
      queued: 'You are number {0} in the queue{1}', min: ' (about {0} min)', soon: ' (less than a minute)',
      assigned: '{0} is answering', closed: 'Chat closed', idle: 'Chat closed after inactivity',
      typing: 'operator is typing…', rate: 'Rate this chat:', thanks: 'Thank you!',
      transfer: 'Transferring you to {0}…', transferQ: 'Transferring you to another department…',
      required: 'Please fill in the required fields', callback: 'Request a callback', phone: 'Your phone number',
      cbsend: 'Call me', cbdone: 'We will call you back at {0}',
      leave: 'You can leave a message here; we will answer as soon as we can.', any: 'Any question',
    },
    ru: {
      title: 'Чат с консультантом', placeholder: 'Введите сообщение…', send: 'Отправить', end: 'Завершить чат',
      open: 'Чат', hello: 'Задайте вопрос, обычно мы отвечаем в течение минуты.', waiting: 'Подключаем консультанта…',
      queued: 'Ваш номер в очереди: {0}{1}', min: ' (около {0} мин)', soon: ' (меньше минуты)',
      assigned: '{0} отвечает', closed: 'Чат завершён', idle: 'Чат закрыт из-за неактивности',
      typing: 'оператор печатает…', rate: 'Оцените консультацию:', thanks: 'Спасибо!',
      transfer: 'Переводим вас на консультанта {0}…', transferQ: 'Переводим вас в другой отдел…',
      required: 'Заполните обязательные поля', callback: 'Заказать обратный звонок', phone: 'Ваш номер телефона',
      cbsend: 'Позвоните мне', cbdone: 'Мы перезвоним вам по номеру {0}', any: 'Любой вопрос',
      leave: 'Вы можете оставить сообщение здесь, мы ответим, как только сможем.',
    },
  };
  const store = (key, value) => {
    try {
      if (value === undefined) return localStorage.getItem(key);
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch { return null; } // storage can be disabled; the chat still works for this page
  };
  const pickLang = (pref) => (pref === 'ru' || pref === 'en' ? pref : /^ru/i.test(navigator.language) ? 'ru' : 'en');
  // The site's language from the last welcome, so hello can name the right one before this welcome comes.
  let lang = pickLang(store(langKey));
  // An array argument is itself a key with arguments: ['queued', 2, ['min', 3]].
  const t = (key, ...args) => STRINGS[lang][key].replace(/\{(\d)\}/g, (_, i) => (args[i]?.map ? t(...args[i]) : args[i]));
  const newId = () => crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

  const state = { connected: false, conversationId: store(convKey), lastSeq: 0 };
  const seen = new Set();     // every seq of the current conversation, rendered or not
  const retired = new Set();  // conversations left behind; their late frames are ignored
  let pending = [];           // our sends {id, frame, node, acked} until their event arrives
  let closed = false, rated = false, status = ['hello'], queues = [], defaultQueue;
  let offer = false, cbOpen = false; // a callback was offered by an auto reply; its phone form is open

  // Static skeleton only: no data ever goes through innerHTML.
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
:host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,sans-serif;color:#1f2328}
[hidden]{display:none!important}
button,select,textarea{font:inherit;cursor:pointer}
[data-sb=launcher]{width:56px;height:56px;border-radius:50%;border:0;background:#2b59c3;color:#fff;box-shadow:0 4px 14px #0004}
[data-sb=panel]{position:absolute;right:0;bottom:68px;width:340px;max-width:calc(100vw - 40px);height:480px;max-height:calc(100vh - 110px);background:#fff;border-radius:12px;box-shadow:0 8px 30px #0003;display:flex;flex-direction:column;overflow:hidden}
header{display:flex;gap:8px;align-items:center;padding:10px 12px;background:#2b59c3;color:#fff;font-weight:600}
header::before{content:"";width:8px;height:8px;border-radius:50%;background:#3ecf8e}
.off header::before{background:#aaa}
.line{padding:4px 12px;font-size:12px;color:#57606a}
[data-sb=error]{color:#b42318}
[data-sb=messages]{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:6px}
[data-sb=message]{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f2f5;align-self:flex-start}
[data-from=visitor]{background:#2b59c3;color:#fff;align-self:flex-end}
[data-from=system]{background:none;color:#57606a;font-size:12px;align-self:center;text-align:center}
[data-pending]{opacity:.5}
[data-author]::before{content:attr(data-author);display:block;font-size:11px;opacity:.7}
[data-sb=rate]{width:28px;height:28px;margin-left:4px;border:1px solid #ccc;border-radius:6px;background:#fff}
.compose{display:flex;gap:6px;padding:8px;border-top:1px solid #eee}
textarea{flex:1;resize:none;border:1px solid #ccc;border-radius:8px;padding:6px}
[data-sb=send]{border:0;border-radius:8px;background:#2b59c3;color:#fff;padding:0 12px}
select{margin:4px 12px}
[data-sb=form]{padding:4px 12px;border-top:1px solid #eee}
label{display:block;font-size:12px;color:#57606a;margin:2px 0}
input{display:block;box-sizing:border-box;width:100%;font:inherit;border:1px solid #ccc;border-radius:6px;padding:4px 6px}
input:focus:invalid{border-color:#b42318}
[data-sb=cb] button{border:1px solid #2b59c3;border-radius:6px;background:#fff;color:#2b59c3;padding:3px 10px;white-space:nowrap}
[data-sb=cbform]{display:flex;gap:6px}
[data-sb=close]{border:0;background:none;color:#57606a;font-size:12px;padding:0 12px 8px;text-align:left;text-decoration:underline}
</style>
<div data-sb="panel" role="dialog" hidden>
<header data-t="title"></header>
<div class="line" data-sb="status" aria-live="polite"></div>
<div data-sb="messages"></div>
<div class="line" data-sb="typing" data-t="typing" hidden></div>
<div class="line" data-sb="error" role="alert" hidden></div>
<div class="line" data-sb="rating" hidden><span data-t="rate"></span>${
  [1, 2, 3, 4, 5].map((n) => `<button data-sb="rate" data-score="${n}">${n}</button>`).join('')}</div>
<div class="line" data-sb="thanks" data-t="thanks" hidden></div>
<div class="line" data-sb="cb" hidden><button data-sb="callback" data-t="callback"></button>
<div data-sb="cbform"><input data-sb="phone" type="tel" autocomplete="tel" maxlength="40"><button data-sb="callback-send" data-t="cbsend"></button></div></div>
<select data-sb="queue" hidden></select>
<div data-sb="form" hidden></div>
<div class="compose"><textarea data-sb="input" rows="2" maxlength="4000"></textarea><button data-sb="send" data-t="send"></button></div>
<button data-sb="close" data-t="end" hidden></button>
</div>
<button data-sb="launcher"><svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button>`;
  const ui = {};
  root.querySelectorAll('[data-sb]').forEach((el) => { ui[el.dataset.sb] = el; });

  function applyLanguage() {
    root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    ui.input.placeholder = t('placeholder');
    ui.phone.placeholder = t('phone');
    ui.launcher.ariaLabel = t('open');
    ui.panel.ariaLabel = t('title');
  }

  // Everything derived from state is refreshed here after each frame and user action.
  function render() {
    const open = hasOpenChat();
    ui.status.textContent = status ? t(...status) : '';
    ui.panel.classList.toggle('off', !state.connected);
    ui.close.hidden = !open || !state.conversationId;
    ui.queue.hidden = open || queues.length < 2;
    ui.form.hidden = open || !ui.form.firstChild;
    ui.cb.hidden = !offer || closed || pending.some((p) => p.frame.type === 'callback');
    ui.callback.hidden = cbOpen;
    ui.cbform.hidden = !cbOpen;
    ui.rating.hidden = !closed || rated;
    ui.thanks.hidden = !closed || !rated;
  }

  function messageNode(from, text) {
    const node = document.createElement('div');
    Object.assign(node.dataset, { sb: 'message', from });
    node.textContent = text;
    return node;
  }

  // Seq order; our greyed pending nodes (no data-seq) stay at the end, in send order.
  function place(node, seq) {
    const next = seq && [...ui.messages.children].find((c) => !c.dataset.seq || +c.dataset.seq > seq);
    ui.messages.insertBefore(node, next || null);
    ui.messages.scrollTop = ui.messages.scrollHeight;
  }

  // A sequenced line: our own greyed copy (mine) becomes it, else a new node.
  function showLine(f, from, text, kind, mine) {
    pending = pending.filter((p) => p !== mine);
    const node = mine?.node || messageNode(from, text);
    delete node.dataset.pending;
    Object.assign(node.dataset, { kind, seq: f.seq });
    place(node, f.seq);
    return node;
  }

  function showMessage(f) {
    const from = ['visitor', 'operator', 'system'].includes(f.from) ? f.from : 'system';
    const actions = Array.isArray(f.actions) ? f.actions : []; // on system auto replies
    // Our own message: match by client id, else by text.
    const mine = from === 'visitor' && (pending.find((p) => p.id === f.id) || pending.find((p) => p.frame.text === f.text));
    const node = showLine(f, from, String(f.text ?? ''), f.kind || 'text', mine);
    if (from === 'operator' && f.author) node.dataset.author = f.author;
    if (from === 'operator') flash(ui.typing, 0);
    if (actions.includes('callback')) offer = true;
    if (actions.includes('leave_message')) {
      const hint = messageNode('system', t('leave'));
      Object.assign(hint.dataset, { sb: 'hint', seq: f.seq });
      place(hint, f.seq); // right after its message
    }
  }

  // Shows an element for ms milliseconds (0 hides it now).
  const timers = new Map();
  function flash(el, ms) {
    clearTimeout(timers.get(el));
    el.hidden = !ms;
    if (ms) timers.set(el, setTimeout(() => { el.hidden = true; }, ms));
  }

  function hasOpenChat() {
    return (!!state.conversationId && !closed) || pending.some((p) => p.frame.type === 'start_chat' && !p.acked);
  }

  function forgetConversation() {
    if (state.conversationId) retired.add(state.conversationId);
    state.conversationId = null;
    state.lastSeq = 0;
    store(convKey, null);
    ui.messages.querySelectorAll('[data-seq]').forEach((node) => node.remove());
    seen.clear();
    closed = rated = offer = cbOpen = false;
    status = null;
    flash(ui.typing, 0);
  }

  // Makes id the current conversation; false for frames of one we already left.
  function adopt(id) {
    if (!id || id === state.conversationId) return true;
    if (retired.has(id)) return false;
    forgetConversation();
    state.conversationId = id;
    store(convKey, id);
    return true;
  }

  function onEvent(f) {
    if (!adopt(f.conversationId) || seen.has(f.seq)) return;
    seen.add(f.seq);
    state.lastSeq = Math.max(state.lastSeq, f.seq);
    if (f.type === 'message') showMessage(f);
    else if (f.type === 'callback') {
      offer = false;
      showLine(f, 'system', '', 'callback', pending.find((p) => p.frame.type === 'callback')).textContent = t('cbdone', f.phone);
    } else if (f.type === 'started' || f.type === 'unassigned') {
      // A transfer's own unassigned keeps "Transferring you to …" up until the next operator is assigned.
      if (f.reason !== 'transfer' || !/^transfer/.test(status?.[0])) status = ['waiting'];
    } else if (f.type === 'transferred') status = f.toOperator?.name ? ['transfer', f.toOperator.name] : ['transferQ'];
    else if (f.type === 'assigned') { offer = false; status = ['assigned', f.operator?.name || '…']; }
    else if (f.type === 'closed') { closed = true; status = [f.by === 'system' ? 'idle' : 'closed']; flash(ui.typing, 0); }
    else if (f.type === 'rated') rated = true;
  }

  function onWelcome(f) {
    state.connected = true;
    attempt = 0;
    if (f.visitorToken) store(tokenKey, f.visitorToken);
    store(langKey, lang = pickLang(f.site?.language));
    applyLanguage();
    defaultQueue = f.site?.defaultQueue;
    setQueues(f.site?.queues || []);
    // hello named the browser's language but the site has its own: say hello again, once.
    if (lang !== sentLang && !relang++) return ws.close();
    const c = f.conversation;
    if (c?.id && c.status !== 'closed' && c.id !== state.conversationId && !retired.has(c.id)) {
      adopt(c.id);
      // The server replays only the conversation named in resume: reconnect to get this one's history.
      if (sentResume) return ws.close();
    }
    if (c?.id === state.conversationId && c.status === 'closed' && !closed) { closed = true; status = ['closed']; }
    if (!hasOpenChat() && !closed) status = ['hello'];
    ready = true;
    pending.forEach((p) => p.acked || send(p.frame));
    pageSent ||= send({ type: 'page', url: location.href, title: document.title, referrer: document.referrer });
  }

  function onAck(f) {
    const p = pending.find((x) => x.id === f.id);
    if (!p) return;
    p.acked = true;
    if (p.frame.type === 'start_chat') adopt(f.conversationId);
  }

  function showError(text) {
    ui.error.textContent = text;
    flash(ui.error, 5000);
  }

  function onError(f) {
    showError(f.message || f.code);
    const p = f.id && pending.find((x) => x.id === f.id);
    if (!p || f.code === 'unavailable') return; // unavailable: kept and re-sent after reconnect
    pending = pending.filter((x) => x !== p);
    p.node.remove();
    // A stored conversation the server no longer has: give the text back; sending again starts a new chat.
    if (f.code === 'not_found' && p.frame.type === 'message') forgetConversation();
    if (f.code === 'not_found' || p.frame.type === 'start_chat') ui.input.value ||= p.frame.text || '';
  }

  const fields = () => [...root.querySelectorAll('[data-sb=form-field]')];

  function startFrame(id, text) {
    const frame = { type: 'start_chat', id, text }, form = {};
    // No choice ("Any question") lets the site's routing rules pick, else its default queue.
    if (queues.length > 1 && ui.queue.value) frame.queue = ui.queue.value;
    fields().forEach((i) => { if (i.value.trim()) form[i.dataset.field] = i.value.trim(); });
    if (ui.form.firstChild) frame.form = form;
    return frame;
  }

  function setQueues(list) {
    const current = ui.queue.value;
    queues = list;
    ui.queue.replaceChildren(new Option(t('any'), ''), ...list.map((q) => new Option(q.name || q.id, q.id)));
    if (list.some((q) => q.id === current)) ui.queue.value = current;
    buildForm();
  }

  // The chosen queue's pre-chat fields; what was typed survives switching queues.
  const typed = {};
  function buildForm() {
    const q = queues.find((x) => x.id === (ui.queue.value || defaultQueue)) || queues[0];
    fields().forEach((i) => { typed[i.dataset.field] = i.value; });
    ui.form.replaceChildren(...(Array.isArray(q?.form) ? q.form : []).map((f) => {
      const label = document.createElement('label'), input = document.createElement('input');
      label.textContent = `${f.label || f.id}${f.required ? ' *' : ''}`;
      Object.assign(input.dataset, { sb: 'form-field', field: f.id });
      input.required = !!f.required;
      input.value = typed[f.id] || '';
      label.append(input);
      return label;
    }));
  }

  function handle(f) {
    if (f.type === 'welcome') onWelcome(f);
    else if (f.type === 'ack') onAck(f); // its seq belongs to the event, which comes on its own
    else if (f.type === 'error') onError(f);
    else if (typeof f.seq === 'number') onEvent(f);
    else if (f.type === 'queued' && adopt(f.conversationId) && !closed) {
      const eta = f.etaSeconds; // null or absent: unknown (nobody online), only the position is shown
      status = ['queued', f.position ?? '…', typeof eta !== 'number' ? '' : eta < 60 ? ['soon'] : ['min', Math.ceil(eta / 60)]];
    } else if (f.type === 'operator_typing' && f.conversationId === state.conversationId) flash(ui.typing, 4000);
  }

  function send(frame) {
    if (!ready || ws?.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(frame));
    return true;
  }

  function sendText() {
    const text = ui.input.value.trim();
    if (!text) return;
    const missing = !hasOpenChat() && fields().find((i) => i.required && !i.value.trim());
    if (missing) { missing.focus(); return showError(t('required')); }
    ui.input.value = '';
    clearTimeout(draftTimer);
    draftTimer = 0;
    const id = newId();
    let frame = { type: 'message', id, text };
    if (!hasOpenChat()) {
      forgetConversation();
      frame = startFrame(id, text);
    }
    sendPending(frame, messageNode('visitor', text));
  }

  // Greyed until its event arrives; re-sent after a reconnect until acknowledged.
  function sendPending(frame, node) {
    node.dataset.pending = '';
    place(node);
    pending.push({ id: frame.id, frame, node });
    send(frame);
    render();
  }

  function sendCallback() {
    const phone = ui.phone.value.trim();
    if (!/(\d\D*){5}/.test(phone)) return ui.phone.focus();
    sendPending({ type: 'callback', id: newId(), phone }, messageNode('system', t('cbdone', phone)));
  }

  // Typing preview: at most one frame per interval, and the last draft is always sent.
  const DRAFT_INTERVAL = 1500;
  let draftTimer = 0, lastDraftAt = 0;
  function onDraft() {
    if (!state.conversationId || closed || draftTimer) return;
    draftTimer = setTimeout(() => {
      draftTimer = 0;
      lastDraftAt = Date.now();
      send({ type: 'typing', draft: ui.input.value });
    }, Math.max(0, lastDraftAt + DRAFT_INTERVAL - Date.now()));
  }

  let ws = null, ready = false, attempt = 0, sentResume = null, pageSent = false, sentLang, relang = 0;
  function connect() {
    let sock;
    try { sock = ws = new WebSocket(wsUrl); } catch { return retry(); }
    sock.onopen = () => {
      const hello = { type: 'hello', visitorToken: store(tokenKey) || undefined, language: sentLang = lang };
      sentResume = state.conversationId;
      if (sentResume) hello.resume = { conversationId: sentResume, lastSeq: state.lastSeq };
      sock.send(JSON.stringify(hello));
    };
    sock.onmessage = (e) => {
      let f;
      try { f = JSON.parse(e.data); } catch { return; }
      if (typeof f?.type === 'string') { handle(f); render(); }
    };
    sock.onerror = () => sock.close();
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null;
      ready = state.connected = false;
      render();
      retry();
    };
  }
  // Full-jitter exponential backoff: random delay in [0, min(cap, base * 2^attempt)).
  function retry() {
    setTimeout(connect, Math.random() * Math.min(15000, 500 * 2 ** Math.min(attempt++, 10)));
  }

  function setOpen(open) {
    ui.panel.hidden = !open;
    ui.launcher.ariaExpanded = String(open);
    if (open) ui.input.focus();
  }
  ui.launcher.onclick = () => setOpen(ui.panel.hidden);
  ui.send.onclick = sendText;
  ui.input.onkeydown = (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendText(); }
  };
  ui.input.oninput = onDraft;
  ui.queue.onchange = () => { buildForm(); render(); };
  ui.callback.onclick = () => { cbOpen = true; render(); ui.phone.focus(); };
  ui['callback-send'].onclick = sendCallback;
  ui.phone.onkeydown = (e) => { if (e.key === 'Enter') sendCallback(); };
  ui.close.onclick = () => send({ type: 'close' });
  ui.rating.onclick = (e) => {
    const score = +e.target.dataset.score;
    if (score && send({ type: 'rate', score })) { rated = true; render(); }
  };

  function mount() {
    document.body.appendChild(host);
    applyLanguage();
    render();
    connect();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  window.Switchboard = { open: () => setOpen(true), close: () => setOpen(false), state };
})();
