  // ---- the conversation: rendering it and the server's frames about it ----
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
    if (Array.isArray(f.attachments)) { node.textContent = String(f.text ?? ''); showFiles(node, f.attachments); }
    if ((from === 'operator' || f.kind === 'invite') && f.author) node.dataset.author = f.author;
    if (from === 'operator') { flash(ui.typing, 0); showQuick(f, node); }
    if (f.kind === 'bot') showQuick(f, node); // the help-while-waiting buttons come with each bot message
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
