// Switchboard chat widget: <script src="https://host/widget.js" data-site="demo" async></script>
// No dependencies, no build. Visitor and operator text only ever goes through textContent.
// Page API: window.Switchboard.open(), .close(), .cart({items: [{sku, name, qty, price}], total, currency}).
// The script loads async, so a page queues calls until then: (window.SwitchboardQueue ||= []).push(['cart', {…}]).
// The widget runs them on start and swaps the array for an object whose push() calls at once.
(() => {
  'use strict';
  if (window.Switchboard) return;
  const script = document.currentScript || document.querySelector('script[data-site][src*="widget.js"]');
  if (!script) return;
  const site = script.dataset.site;
  const src = new URL(script.src, location.href);
  const wsUrl = `${src.protocol === 'https:' ? 'wss' : 'ws'}://${src.host}/ws/visitor?site=${encodeURIComponent(site)}`;
  const key = (name) => `switchboard:${site}:${name}`;
  const HIDDEN_FOR_MS = 12 * 3600e3; // a visitor outside the rollout share stays away this long before asking again

  const STRINGS = {
    en: {
      title: 'Chat with us', placeholder: 'Type a message…', send: 'Send', end: 'End chat', open: 'Chat', any: 'Any question',
      hello: 'Ask us anything, we usually reply within a minute.', waiting: 'Connecting you to an operator…', ask: 'Ask a question',
      queued: 'You are number {0} in the queue{1}', min: ' (about {0} min)', soon: ' (less than a minute)', dismiss: 'Dismiss',
      assigned: '{0} is answering', closed: 'Chat closed', idle: 'Chat closed after inactivity', typing: 'operator is typing…',
      rate: 'Rate this chat:', thanks: 'Thank you!', transfer: 'Transferring you to {0}…', transferQ: 'Transferring you to another department…',
      required: 'Please fill in the required fields', callback: 'Request a callback', phone: 'Your phone number', cbsend: 'Call me',
      cbdone: 'We will call you back at {0}', leave: 'You can leave a message here; we will answer as soon as we can.', comment: 'Comment (optional)',
    },
    ru: {
      title: 'Чат с консультантом', placeholder: 'Введите сообщение…', send: 'Отправить', end: 'Завершить чат', open: 'Чат',
      any: 'Любой вопрос', hello: 'Задайте вопрос, обычно мы отвечаем в течение минуты.', waiting: 'Подключаем консультанта…',
      queued: 'Ваш номер в очереди: {0}{1}', min: ' (около {0} мин)', soon: ' (меньше минуты)', assigned: '{0} отвечает', comment: 'Комментарий (необязательно)',
      closed: 'Чат завершён', idle: 'Чат закрыт из-за неактивности', typing: 'оператор печатает…', rate: 'Оцените консультацию:',
      thanks: 'Спасибо!', transfer: 'Переводим вас на консультанта {0}…', transferQ: 'Переводим вас в другой отдел…', ask: 'Задать вопрос',
      required: 'Заполните обязательные поля', callback: 'Заказать обратный звонок', phone: 'Ваш номер телефона', dismiss: 'Закрыть',
      cbsend: 'Позвоните мне', cbdone: 'Мы перезвоним вам по номеру {0}', leave: 'Вы можете оставить сообщение здесь, мы ответим, как только сможем.',
    },
  };
  const store = (k, value) => { // storage can be disabled; the chat still works for this page
    try {
      return value === undefined ? localStorage.getItem(k) : value === null ? localStorage.removeItem(k) : localStorage.setItem(k, value);
    } catch { return null; }
  };
  const pickLang = (pref) => (pref === 'ru' || pref === 'en' ? pref : /^ru/i.test(navigator.language) ? 'ru' : 'en');
  // The site's language from the last welcome, so hello can name the right one before this welcome comes.
  let lang = pickLang(store(key('lang')));
  // An array argument is itself a key with arguments: ['queued', 2, ['min', 3]].
  const t = (k, ...args) => STRINGS[lang][k].replace(/\{(\d)\}/g, (_, i) => (args[i]?.map ? t(...args[i]) : args[i]));
  const newId = () => crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const make = (tag, data, text = '') => { // the one way nodes get data: dataset and textContent, never markup
    const node = Object.assign(document.createElement(tag), { textContent: text });
    Object.assign(node.dataset, data);
    return node;
  };

  const state = { connected: false, conversationId: store(key('conversation')), lastSeq: 0 };
  const seen = new Set();     // every seq of the current conversation, rendered or not
  const retired = new Set();  // conversations left behind; their late frames are ignored
  let pending = [];           // our sends {id, frame, node?, acked} until their event (an invite reply: its ack) arrives
  let closed = false, rated = false, status = ['hello'], queues = [], defaultQueue;
  let offer = false, cbOpen = false; // a callback was offered by an auto reply; its phone form is open
  let invite = null, cartFrame = null; // the invitation on show; the page's latest cart, re-sent after reconnects
  const OPENS_CHAT = ['start_chat', 'invite_reply'];
  // Static skeleton only: no data ever goes through innerHTML. Styles go one line per component.
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
:host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,sans-serif;color:#1f2328}
[hidden]{display:none!important} button,select,textarea{font:inherit;cursor:pointer} .line{padding:4px 12px;font-size:12px;color:#57606a}
[data-sb=launcher]{width:56px;height:56px;border-radius:50%;border:0;background:#2b59c3;color:#fff;box-shadow:0 4px 14px #0004}
.card{position:absolute;right:0;bottom:68px;max-width:calc(100vw - 40px);background:#fff;border-radius:12px;box-shadow:0 8px 30px #0003}
[data-sb=panel]{width:340px;height:480px;max-height:calc(100vh - 110px);display:flex;flex-direction:column;overflow:hidden}
header{display:flex;gap:8px;align-items:center;padding:10px 12px;background:#2b59c3;color:#fff;font-weight:600} [data-sb=error]{color:#b42318}
header::before{content:"";width:8px;height:8px;border-radius:50%;background:#3ecf8e} .off header::before{background:#aaa}
[data-sb=messages]{flex:1;overflow-y:auto;padding:10px 12px;display:flex;flex-direction:column;gap:6px} [data-pending]{opacity:.5}
[data-sb=message]{max-width:80%;padding:6px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f2f5;align-self:flex-start}
[data-from=visitor]{background:#2b59c3;color:#fff;align-self:flex-end} [data-author]::before{content:attr(data-author);display:block;font-size:11px;opacity:.7}
[data-from=system]:not([data-kind=invite]){background:none;color:#57606a;font-size:12px;align-self:center;text-align:center}
[data-sb=rate]{width:28px;height:28px;margin-left:4px;border:1px solid #ccc;border-radius:6px;background:#fff} select{margin:4px 12px}
[data-sb=rate-comment]{display:block;box-sizing:border-box;width:100%;margin:0 0 6px;font:inherit} [data-sb=quick-replies]{display:flex;flex-wrap:wrap;gap:4px}
[data-sb=quick-reply]{border:1px solid #2b59c3;border-radius:14px;background:#fff;color:#2b59c3;padding:3px 10px}
.compose{display:flex;gap:6px;padding:8px;border-top:1px solid #eee} textarea{flex:1;resize:none;border:1px solid #ccc;border-radius:8px;padding:6px}
.primary{border:0;border-radius:8px;background:#2b59c3;color:#fff;padding:0 12px} label{display:block;font-size:12px;color:#57606a;margin:2px 0}
input{display:block;box-sizing:border-box;width:100%;font:inherit;border:1px solid #ccc;border-radius:6px;padding:4px 6px} input:focus:invalid{border-color:#b42318}
[data-sb=form]{padding:4px 12px;border-top:1px solid #eee} [data-sb=cbform]{display:flex;gap:6px}
[data-sb=cb] button{border:1px solid #2b59c3;border-radius:6px;background:#fff;color:#2b59c3;padding:3px 10px;white-space:nowrap}
[data-sb=close]{border:0;background:none;color:#57606a;font-size:12px;padding:0 12px 8px;text-align:left;text-decoration:underline}
[data-sb=invite]{width:260px;box-sizing:border-box;padding:12px 30px 12px 14px} [data-sb=invite-text]{margin:0 0 10px;white-space:pre-wrap;overflow-wrap:anywhere}
[data-sb=invite-dismiss]{position:absolute;top:4px;right:4px;border:0;background:none;color:#57606a;padding:4px 6px} [data-sb=invite-accept]{padding:5px 12px}
</style>
<div data-sb="panel" class="card" role="dialog" hidden><header data-t="title"></header><div class="line" data-sb="status" aria-live="polite"></div>
<div data-sb="messages"></div><div class="line" data-sb="typing" data-t="typing" hidden></div><div class="line" data-sb="error" role="alert" hidden></div>
<div class="line" data-sb="rating" hidden><textarea data-sb="rate-comment" rows="2" maxlength="1000"></textarea><span data-t="rate"></span>${
  [1, 2, 3, 4, 5].map((n) => `<button data-sb="rate" data-score="${n}">${n}</button>`).join('')}</div>
<div class="line" data-sb="thanks" data-t="thanks" hidden></div><div class="line" data-sb="cb" hidden><button data-sb="callback" data-t="callback"></button>
<div data-sb="cbform"><input data-sb="phone" type="tel" autocomplete="tel" maxlength="40"><button data-sb="callback-send" data-t="cbsend"></button></div></div>
<select data-sb="queue" hidden></select><div data-sb="form" hidden></div>
<div class="compose"><textarea data-sb="input" rows="2" maxlength="4000"></textarea><button data-sb="send" class="primary" data-t="send"></button></div>
<button data-sb="close" data-t="end" hidden></button></div>
<div data-sb="invite" class="card" role="dialog" hidden><p data-sb="invite-text"></p>
<button data-sb="invite-accept" class="primary" data-t="ask"></button><button data-sb="invite-dismiss">✕</button></div>
<button data-sb="launcher"><svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor">
<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button>`;
  const ui = {};
  root.querySelectorAll('[data-sb]').forEach((el) => { ui[el.dataset.sb] = el; });
  function applyLanguage() {
    root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    [ui.input.placeholder, ui.phone.placeholder, ui['rate-comment'].placeholder] = [t('placeholder'), t('phone'), t('comment')];
    [ui.launcher.ariaLabel, ui.panel.ariaLabel, ui['invite-dismiss'].ariaLabel] = [t('open'), t('title'), t('dismiss')];
  }
  // Everything derived from state is refreshed here after each frame and user action.
  function render() {
    const open = hasOpenChat();
    ui.status.textContent = status ? t(...status) : '';
    ui.panel.classList.toggle('off', !state.connected);
    ui.close.hidden = !open || !state.conversationId;
    ui.queue.hidden = open || queues.length < 2;
    ui.form.hidden = open || !ui.form.firstChild;
    ui.cb.hidden = !offer || closed || !!sending('callback');
    [ui.callback.hidden, ui.cbform.hidden] = [cbOpen, !cbOpen];
    [ui.rating.hidden, ui.thanks.hidden] = [!closed || rated, !closed || !rated];
    ui.invite.hidden = !invite || open || !ui.panel.hidden; // an open panel sits where the bubble would
  }
  const messageNode = (from, text) => make('div', { sb: 'message', from }, text);
  // Drafts leave the browser before the visitor chooses to send them: a card-number-like run (13–19 digits, maybe split
  // by spaces or dashes) keeps only its last 4 digits. Runs touching letters, '@', '.' or a leading '+' (e-mails, phones) stay.
  const maskDraft = (s) => s.replace(/\d(?:[ -]?\d)*/g, (run, at) => {
    let n = run.replace(/\D/g, '').length - 4;
    return n < 9 || n > 15 || /[\w@.+]/.test(s[at - 1] || '') || /[\w@]/.test(s[at + run.length] || '') ? run
      : run.replace(/\d/g, (d) => (n-- > 0 ? '•' : d));
  });
  // The latest operator message's quick replies, as buttons right under it until the visitor sends anything.
  const quick = make('div', { sb: 'quick-replies' });
  function showQuick(f, node) {
    const list = Array.isArray(f.quickReplies) ? f.quickReplies : [];
    quick.replaceChildren(...list.map((text) => make('button', { sb: 'quick-reply' }, String(text))));
    if (!list.length) return quick.remove();
    quick.dataset.seq = f.seq; node.after(quick);
  }
  const sending = (type) => pending.find((p) => p.frame.type === type);
  const hasOpenChat = () => (!!state.conversationId && !closed) || pending.some((p) => OPENS_CHAT.includes(p.frame.type) && !p.acked);
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
  // kind "invite" (from system) is the accepted invitation's text: shown like an operator's greeting.
  function showMessage(f) {
    const from = ['visitor', 'operator', 'system'].includes(f.from) ? f.from : 'system';
    const actions = Array.isArray(f.actions) ? f.actions : []; // on system auto replies
    // Our own message: match by client id, else by text.
    const mine = from === 'visitor' && (pending.find((p) => p.id === f.id) || pending.find((p) => p.frame.text === f.text));
    const node = showLine(f, from, String(f.text ?? ''), f.kind || 'text', mine);
    if ((from === 'operator' || f.kind === 'invite') && f.author) node.dataset.author = f.author;
    if (from === 'operator') { flash(ui.typing, 0); showQuick(f, node); }
    if (from === 'visitor') quick.remove();
    if (actions.includes('callback')) offer = true;
    if (actions.includes('leave_message')) place(make('div', { sb: 'hint', from: 'system', seq: f.seq }, t('leave')), f.seq);
  }
  const timers = new Map(); // flash shows an element for ms milliseconds (0 hides it now)
  function flash(el, ms) {
    clearTimeout(timers.get(el));
    el.hidden = !ms;
    if (ms) timers.set(el, setTimeout(() => { el.hidden = true; }, ms));
  }
  const showError = (text) => { ui.error.textContent = text; flash(ui.error, 5000); };
  function forgetConversation() {
    if (state.conversationId) retired.add(state.conversationId);
    Object.assign(state, { conversationId: null, lastSeq: 0 });
    store(key('conversation'), null);
    ui.messages.querySelectorAll('[data-seq]').forEach((node) => node.remove());
    seen.clear(); flash(ui.typing, 0);
    closed = rated = offer = cbOpen = false;
    status = invite = null; ui['rate-comment'].value = '';
  }
  // Makes id the current conversation; false for frames of one we already left.
  function adopt(id) {
    if (!id || id === state.conversationId) return true;
    if (retired.has(id)) return false;
    forgetConversation();
    store(key('conversation'), state.conversationId = id);
    return true;
  }
  function onEvent(f) {
    if (!adopt(f.conversationId) || seen.has(f.seq)) return;
    seen.add(f.seq);
    state.lastSeq = Math.max(state.lastSeq, f.seq);
    if (f.type === 'message') showMessage(f);
    else if (f.type === 'callback') {
      offer = false;
      showLine(f, 'system', '', 'callback', sending('callback')).textContent = t('cbdone', f.phone);
    } else if (f.type === 'started' || f.type === 'unassigned') {
      // A transfer's own unassigned keeps "Transferring you to …" up until the next operator is assigned.
      if (f.reason !== 'transfer' || !/^transfer/.test(status?.[0])) status = ['waiting'];
    } else if (f.type === 'transferred') status = f.toOperator?.name ? ['transfer', f.toOperator.name] : ['transferQ'];
    else if (f.type === 'assigned') { offer = false; status = ['assigned', f.operator?.name || '…']; }
    else if (f.type === 'closed') { closed = true; status = [f.by === 'system' ? 'idle' : 'closed']; flash(ui.typing, 0); quick.remove(); }
    else if (f.type === 'rated') rated = true;
  }
  function onWelcome(f) {
    // Not in the share of visitors the site shows the widget to: gone, and for later pages too (see mount).
    if (f.widget === false) { store(key('hidden'), String(Date.now() + HIDDEN_FOR_MS)); return stop(); }
    host.style.display = '';
    state.connected = true; attempt = 0;
    if (f.visitorToken) store(key('token'), f.visitorToken);
    store(key('lang'), lang = pickLang(f.site?.language));
    applyLanguage();
    defaultQueue = f.site?.defaultQueue; setQueues(f.site?.queues || []);
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
    if (cartFrame) send(cartFrame);
  }
  // An accepted invitation is acknowledged like start_chat: the ack names the new conversation.
  function onAck(f) {
    const p = pending.find((x) => x.id === f.id);
    if (p) p.acked = true;
    if (OPENS_CHAT.includes(p?.frame.type)) adopt(f.conversationId);
    if (p?.frame.type === 'invite_reply') pending = pending.filter((x) => x !== p); // no event carries its id
  }
  function onError(f) {
    // hello itself could not be answered (the cluster is busy or moving a grain): reconnect with backoff and say it again.
    if (!ready && !f.id && f.code === 'unavailable') return ws?.close();
    showError(f.message || f.code);
    const p = f.id && pending.find((x) => x.id === f.id);
    if (!p || f.code === 'unavailable') return; // unavailable: kept and re-sent after reconnect
    pending = pending.filter((x) => x !== p);
    p.node?.remove();
    // A stored conversation the server no longer has: give the text back; sending again starts a new chat.
    if (f.code === 'not_found' && p.frame.type === 'message') forgetConversation();
    if (f.code === 'not_found' || p.frame.type === 'start_chat') ui.input.value ||= p.frame.text || '';
  }
  // A new invitation replaces the one on show (which needs no answer); none while a conversation is open.
  function onInvite(f) {
    if (hasOpenChat() || !f.inviteId) return;
    invite = f.inviteId;
    ui['invite-text'].textContent = String(f.text ?? '');
  }
  function replyInvite(accepted) {
    const frame = { type: 'invite_reply', inviteId: invite, accepted };
    invite = null;
    if (!frame.inviteId) return;
    if (!accepted) return send(frame); // lost while offline: the invitation just stays unanswered
    forgetConversation(); // a closed chat on show makes way for the new one
    sendPending(frame);
    setOpen(true);
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
      const label = make('label', {}, `${f.label || f.id}${f.required ? ' *' : ''}`);
      label.append(Object.assign(make('input', { sb: 'form-field', field: f.id }), { required: !!f.required, value: typed[f.id] || '' }));
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
    else if (f.type === 'invite') onInvite(f);
  }
  const send = (frame) => ready && ws?.readyState === WebSocket.OPEN && (ws.send(JSON.stringify(frame)), true);
  function sendText() {
    const text = ui.input.value.trim();
    if (!text) return;
    const missing = !hasOpenChat() && fields().find((i) => i.required && !i.value.trim());
    if (missing) { missing.focus(); return showError(t('required')); }
    ui.input.value = '';
    clearTimeout(draftTimer); draftTimer = 0;
    if (hasOpenChat()) return say(text);
    forgetConversation();
    sendPending(startFrame(newId(), text), messageNode('visitor', text));
  }
  const say = (text) => sendPending({ type: 'message', id: newId(), text }, messageNode('visitor', text));
  // Greyed (when it has a line) until its event arrives; re-sent after a reconnect until acknowledged.
  function sendPending(frame, node) {
    quick.remove();
    if (node) { node.dataset.pending = ''; place(node); }
    pending.push({ id: frame.id ?? frame.inviteId, frame, node });
    send(frame); render();
  }
  function sendCallback() {
    const phone = ui.phone.value.trim();
    if (!/(\d\D*){5}/.test(phone)) return ui.phone.focus();
    sendPending({ type: 'callback', id: newId(), phone }, messageNode('system', t('cbdone', phone)));
  }
  // window.Switchboard.cart: the page's cart in the shape the server expects.
  function cart(c) {
    const items = (Array.isArray(c?.items) ? c.items : [])
      .map(({ sku, name, qty, price } = {}) => ({ sku: String(sku ?? ''), name: String(name ?? ''), qty: +qty || 0, price: +price || 0 }));
    send(cartFrame = { type: 'cart', items, total: +c?.total || 0, currency: String(c?.currency ?? '') });
  }
  // Typing preview: at most one frame per 1.5 s, and the last draft is always sent.
  let draftTimer = 0, lastDraftAt = 0;
  function onDraft() {
    if (!state.conversationId || closed || draftTimer) return;
    draftTimer = setTimeout(() => {
      draftTimer = 0; lastDraftAt = Date.now();
      send({ type: 'typing', draft: maskDraft(ui.input.value) });
    }, Math.max(0, lastDraftAt + 1500 - Date.now()));
  }
  let ws = null, ready = false, attempt = 0, sentResume = null, pageSent = false, sentLang, relang = 0, stopped = false;
  function connect() {
    let sock;
    try { sock = ws = new WebSocket(wsUrl); } catch { return retry(); }
    sock.onopen = () => {
      sentResume = state.conversationId;
      const resume = sentResume ? { conversationId: sentResume, lastSeq: state.lastSeq } : undefined;
      sock.send(JSON.stringify({ type: 'hello', visitorToken: store(key('token')) || undefined, language: sentLang = lang, resume }));
    };
    sock.onmessage = (e) => {
      let f;
      try { f = JSON.parse(e.data); } catch { return; }
      if (typeof f?.type === 'string' && !stopped) { handle(f); render(); }
    };
    sock.onerror = () => sock.close();
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null; ready = state.connected = false;
      render(); retry();
    };
  }
  // Full-jitter exponential backoff: random delay in [0, min(cap, base * 2^attempt)).
  const retry = () => stopped || setTimeout(connect, Math.random() * Math.min(15000, 500 * 2 ** Math.min(attempt++, 10)));
  const stop = () => { stopped = true; host.remove(); ws?.close(); }; // shows and sends nothing any more
  function setOpen(open) {
    ui.panel.hidden = !open; ui.launcher.ariaExpanded = String(open);
    if (open) ui.input.focus();
    render();
  }
  const clicks = { // by the data-sb name of the element clicked; render() follows
    launcher: () => setOpen(ui.panel.hidden), send: sendText, 'callback-send': sendCallback, close: () => send({ type: 'close' }),
    callback: () => { cbOpen = true; render(); ui.phone.focus(); }, 'invite-accept': () => replyInvite(true),
    rate: (el) => { if (send({ type: 'rate', score: +el.dataset.score, comment: ui['rate-comment'].value.trim() || undefined })) rated = true; },
    'invite-dismiss': () => replyInvite(false), 'quick-reply': (el) => hasOpenChat() && say(el.textContent),
  };
  root.addEventListener('click', (e) => {
    const el = e.target.closest('[data-sb]');
    if (clicks[el?.dataset.sb]) { clicks[el.dataset.sb](el); render(); }
  });
  ui.input.onkeydown = (e) => { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendText(); } };
  ui.input.oninput = onDraft;
  ui.phone.onkeydown = (e) => { if (e.key === 'Enter') sendCallback(); };
  ui.queue.onchange = () => { buildForm(); render(); };
  function mount() { // shown by the first welcome (or after 3 s without one): a left-out visitor never sees it
    host.style.display = 'none';
    setTimeout(() => { host.style.display = ''; }, 3000);
    document.body.appendChild(host);
    applyLanguage(); render(); connect();
  }
  // Left out before: the choice is fixed per visitor while the share stays, so ask again only after a while (a pilot grows).
  if (Number(store(key('hidden'))) > Date.now()) stopped = true;
  else if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
  const api = { open: () => setOpen(true), close: () => setOpen(false), cart, state }, queued = window.SwitchboardQueue;
  window.Switchboard = api;
  window.SwitchboardQueue = { push: (...calls) => calls.forEach(([name, ...args] = []) => api[name]?.call && api[name](...args)) };
  if (Array.isArray(queued)) window.SwitchboardQueue.push(...queued);
})();
