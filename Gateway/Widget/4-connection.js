  // ---- starting a chat, sending, the socket, and the page's API ----
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
    if (f.type.startsWith('cobrowse') || f.type === 'closed') onCoBrowse(f); // 3c-cobrowse.js
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
    if (!text && !tray.length) return;
    if (uploading()) return showError(t('uploading'));
    const missing = !hasOpenChat() && fields().find((i) => i.required && !i.value.trim());
    if (missing) { missing.focus(); return showError(t('required')); }
    ui.input.value = '';
    clearTimeout(draftTimer); draftTimer = 0;
    const files = takeUploads();
    if (hasOpenChat()) return say(text, files);
    forgetConversation();
    // A chat opened with files only starts without text; the files follow as its first message.
    sendPending(startFrame(newId(), text || undefined), text ? messageNode('visitor', text) : undefined);
    if (files.length) say('', files);
  }
  const say = (text, files = []) => sendPending({ type: 'message', id: newId(), text: text || undefined, attachments: files.length ? files : undefined },
    messageNode('visitor', text || '…'));
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
      sock.send(JSON.stringify({ type: 'hello', visitorToken: store(key('token')) || undefined, language: sentLang = lang, resume, ...who() }));
    };
    sock.onmessage = (e) => {
      let f;
      try { f = JSON.parse(e.data); } catch { return; }
      if (typeof f?.type === 'string' && !stopped) { handle(f); render(); appFrame(f); }
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
    if (open) { ui.input.focus(); markRead(); }
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
  // Escape closes the panel and gives the focus back to the launcher, where a keyboard user opened it.
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !ui.panel.hidden) { setOpen(false); ui.launcher.focus(); } });
  ui.phone.onkeydown = (e) => { if (e.key === 'Enter') sendCallback(); };
  ui.queue.onchange = () => { buildForm(); render(); };
  function mount() { // shown by the first welcome (or after 3 s without one): a left-out visitor never sees it
    host.style.display = 'none';
    setTimeout(() => { host.style.display = ''; }, 3000);
    document.body.appendChild(host);
    applyLanguage(); render(); connect(); startApp();
  }
  // Left out before: the choice is fixed per visitor while the share stays, so ask again only after a while (a pilot grows).
  if (Number(store(key('hidden'))) > Date.now()) stopped = true;
  else if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
  // Who the shop says the visitor is, signed by its server (docs/identity.md): from the script tag, or set later
  // through the API, sent with the next hello. The gateway checks the signature; the widget only carries it.
  const claimed = { identity: identityFrom(script.dataset), region: script.dataset.region || undefined };
  function identityFrom(d) {
    if (!d.customerId || !d.signature) return undefined;
    return { customerId: d.customerId, name: d.name, email: d.email, phone: d.phone, customerType: d.customerType,
      expires: Number(d.expires) || undefined, signature: d.signature };
  }
  function who() { return { identity: claimed.identity, region: claimed.region }; }
  const identify = (i) => { claimed.identity = i && typeof i === 'object' ? identityFrom(i) : undefined; };
  const region = (r) => { claimed.region = typeof r === 'string' && r ? r : undefined; };
  const api = { open: () => setOpen(true), close: () => setOpen(false), cart, state, identify, region, ...appApi }, queued = window.SwitchboardQueue;
  window.Switchboard = api;
  window.SwitchboardQueue = { push: (...calls) => calls.forEach(([name, ...args] = []) => api[name]?.call && api[name](...args)) };
  if (Array.isArray(queued)) window.SwitchboardQueue.push(...queued);
})();
