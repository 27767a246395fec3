  // ---- co-browsing: the operator sees this page, with consent (docs/cobrowsing.md) ----
  // Nothing is shared until the visitor says yes. The page goes out as markup numbered per element, then the changed
  // elements; every password, card and data-sb-private field is masked here, before anything is written: its value
  // never leaves the browser. The operator may point at elements, scroll the view and, with a second yes, fill fields.
  const COBROWSE_STRINGS = {
    en: {
      cbAsk: 'The operator would like to see this page to guide you. They will see the page and your pointer, never your passwords or card numbers.',
      cbAllow: 'Show my page', cbDeny: 'No, thanks', cbOn: 'The operator sees this page', cbStop: 'Stop showing',
      cbControlAsk: 'The operator would like to fill in fields on this page for you. You will see every change.',
      cbControlAllow: 'Allow', cbControlDeny: 'Don’t allow', cbEnded: 'The operator no longer sees this page',
      cbTooLarge: 'This page is too large to show to the operator',
    },
    ru: {
      cbAsk: 'Консультант просит показать ему эту страницу, чтобы подсказать вам. Он увидит страницу и ваш указатель, но не пароли и номера карт.',
      cbAllow: 'Показать страницу', cbDeny: 'Нет, спасибо', cbOn: 'Консультант видит эту страницу', cbStop: 'Перестать показывать',
      cbControlAsk: 'Консультант просит разрешения заполнить поля на этой странице за вас. Вы увидите каждое изменение.',
      cbControlAllow: 'Разрешить', cbControlDeny: 'Не разрешать', cbEnded: 'Консультант больше не видит эту страницу',
      cbTooLarge: 'Эта страница слишком большая, чтобы показать её консультанту',
    },
  };
  Object.assign(STRINGS.en, COBROWSE_STRINGS.en);
  Object.assign(STRINGS.ru, COBROWSE_STRINGS.ru);
  const FRAME_BYTES = 30000, MAX_PARTS = 16, MAX_PATCHES = 200; // under the gateway's Limits:CoBrowse* defaults
  const FLUSH_MS = 700, VIEW_MS = 160, HIGHLIGHT_MS = 4000, RESNAPSHOT_MS = 10000;
  const cb = { snapAt: 0, markTimer: 0, on: false, accepting: false, control: false, ids: new WeakMap(), nodes: new Map(), next: 1, dirty: new Set(),
    observer: null, flushTimer: 0, viewTimer: 0, view: {} };
  const cbUi = make('div', { sb: 'cobrowse' });
  cbUi.append(make('style', {}, `[data-sb=cobrowse] .card{position:fixed;right:20px;bottom:88px;width:280px;padding:12px 14px}
[data-sb=cobrowse] p{margin:0 0 10px} [data-sb=cobrowse] button{margin:0 6px 0 0;padding:5px 10px;border-radius:6px}
[data-sb=cb-bar]{position:fixed;left:50%;top:0;transform:translateX(-50%);padding:6px 12px;background:#b42318;color:#fff;
border-radius:0 0 8px 8px;font-size:13px} [data-sb=cb-bar] button{margin-left:10px;border:1px solid #fff;background:none;color:#fff}
[data-sb=cb-mark]{position:fixed;pointer-events:none;border:3px solid #f5a524;border-radius:6px;box-shadow:0 0 0 4000px #0002}`));
  const consentCard = (name, textKey, yes, no) => {
    const card = make('div', { sb: name }); card.className = 'card'; card.hidden = true;
    card.append(make('p', { t: textKey }), make('button', { sb: yes, t: yes === 'cb-allow' ? 'cbAllow' : 'cbControlAllow' }),
      make('button', { sb: no, t: no === 'cb-deny' ? 'cbDeny' : 'cbControlDeny' }));
    card.querySelector(`[data-sb=${yes}]`).className = 'primary';
    return card;
  };
  const askCard = consentCard('cb-ask', 'cbAsk', 'cb-allow', 'cb-deny');
  const controlCard = consentCard('cb-control', 'cbControlAsk', 'cb-control-allow', 'cb-control-deny');
  const bar = make('div', { sb: 'cb-bar' }, '');
  bar.append(make('span', { t: 'cbOn' }), make('button', { sb: 'cb-stop', t: 'cbStop' }));
  bar.hidden = true;
  const mark = make('div', { sb: 'cb-mark' }); mark.hidden = true;
  cbUi.append(askCard, controlCard, bar, mark);
  root.append(cbUi);
  const cbAnswer = (action) => send({ type: 'cobrowse', action });
  const cbClicks = {
    'cb-allow': () => { askCard.hidden = true; cb.accepting = true; cbAnswer('accept'); },
    'cb-deny': () => { askCard.hidden = true; cbAnswer('decline'); },
    'cb-control-allow': () => { controlCard.hidden = true; cbAnswer('allow_control'); },
    'cb-control-deny': () => { controlCard.hidden = true; cbAnswer('deny_control'); },
    'cb-stop': () => { cbAnswer('stop'); endCoBrowse(); },
  };
  cbUi.addEventListener('click', (e) => cbClicks[e.target.closest('[data-sb]')?.dataset.sb]?.());

  // The frames of the chat on show; a chat that closes ends the session here at once (the server says so too).
  function onCoBrowse(f) {
    if (f.conversationId !== state.conversationId) return;
    if (f.type === 'closed') return endCoBrowse();
    if (f.type === 'cobrowse_guide') return cb.on && guide(f);
    if (f.type !== 'cobrowse') return;
    const a = f.action;
    if (a === 'request') { askCard.hidden = false; applyLanguage(); }
    else if (a === 'accept') { askCard.hidden = true; if (cb.accepting) startCoBrowse(); }
    else if (a === 'decline') askCard.hidden = true;
    else if (a === 'request_control' && cb.on) { controlCard.hidden = false; applyLanguage(); }
    else if (a === 'allow_control' || a === 'deny_control') { controlCard.hidden = true; cb.control = cb.on && a === 'allow_control'; }
    else if (a === 'stop') endCoBrowse(cb.on || !askCard.hidden);
  }
  function startCoBrowse() {
    Object.assign(cb, { on: true, accepting: false, control: false });
    bar.hidden = false; applyLanguage();
    if (!sendSnapshot()) return;
    cb.observer = new MutationObserver((list) => list.forEach((m) => touched(m.target)));
    cb.observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener('input', onInput, true); addEventListener('change', onInput, true);
    addEventListener('scroll', onView, { passive: true }); addEventListener('resize', onView);
    addEventListener('pointermove', onPointer, { passive: true });
    onView();
  }
  function endCoBrowse(tell = false) {
    const was = cb.on;
    cb.observer?.disconnect(); cb.observer = null;
    removeEventListener('input', onInput, true); removeEventListener('change', onInput, true);
    removeEventListener('scroll', onView); removeEventListener('resize', onView); removeEventListener('pointermove', onPointer);
    clearTimeout(cb.flushTimer); clearTimeout(cb.viewTimer);
    Object.assign(cb, { on: false, accepting: false, control: false, flushTimer: 0, viewTimer: 0, next: 1 });
    cb.ids = new WeakMap(); cb.nodes.clear(); cb.dirty.clear();
    askCard.hidden = controlCard.hidden = bar.hidden = mark.hidden = true;
    if (was || tell) showError(t('cbEnded'));
  }
  addEventListener('pagehide', () => { if (cb.on) { cbAnswer('stop'); endCoBrowse(); } });

  // ---- the page as markup: numbered elements, masked fields, nothing that runs ----
  const SKIPPED = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'META', 'BASE']);
  const VOID = new Set(['AREA', 'BR', 'COL', 'HR', 'IMG', 'INPUT', 'LINK', 'SOURCE', 'TRACK', 'WBR']);
  const MASK_KEEPS = ['class', 'style', 'type', 'id', 'name', 'autocomplete', 'size', 'cols', 'rows', 'width', 'height', 'data-sb-private'];
  const CARD_NAME = /card|cc-?(num|number|exp|csc)|cvc|cvv|csc|pan\b/i;
  // Masked in this browser: passwords, card fields (autocomplete cc-*, or a card-like name), and anything the page marks.
  function isPrivate(el) {
    if (el.closest('[data-sb-private]')) return true;
    if (!/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return false;
    const type = (el.getAttribute('type') || '').toLowerCase();
    return type === 'password' || /\bcc-/i.test(el.getAttribute('autocomplete') || '')
      || CARD_NAME.test(`${el.name || ''} ${el.id || ''} ${el.getAttribute('inputmode') === 'numeric' ? el.getAttribute('aria-label') || '' : ''}`);
  }
  const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const escapeAttr = (s) => escapeText(s).replace(/"/g, '&quot;');
  const idOf = (el) => {
    let id = cb.ids.get(el);
    if (!id) { id = cb.next++; cb.ids.set(el, id); }
    cb.nodes.set(id, el);
    return id;
  };
  const attr = (name, value) => ` ${name}="${escapeAttr(String(value))}"`;
  function serialize(node, out) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentNode?.nodeName;
      out.push(parent === 'STYLE' ? node.data.replace(/<\//g, '<\\/') : escapeText(node.data));
      return;
    }
    // Upper case for SVG's elements too: an <svg><script> is skipped like any script.
    const upper = node.nodeType === Node.ELEMENT_NODE ? node.tagName.toUpperCase() : '';
    if (!upper || node === host || SKIPPED.has(upper)) return;
    if (upper === 'LINK' && !/stylesheet/i.test(node.rel)) return;
    const tag = node.tagName.toLowerCase(), masked = isPrivate(node);
    out.push(`<${tag}`, attr('data-sb-node', idOf(node)));
    for (const a of node.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'value' || name === 'checked' || name === 'selected' || name === 'data-sb-node') continue;
      if (masked && !MASK_KEEPS.includes(name)) continue;
      if (/^\s*javascript:/i.test(a.value)) continue;
      out.push(attr(name, name === 'href' && tag === 'link' ? node.href : a.value));
    }
    if (masked) {
      if (tag === 'input') out.push(attr('value', '••••••'));
      out.push(' data-sb-masked=""');
    } else if (tag === 'input') {
      if (/^(checkbox|radio)$/i.test(node.type)) { if (node.checked) out.push(' checked=""'); }
      else if (node.type !== 'file') out.push(attr('value', node.value));
    } else if (tag === 'option' && node.selected) out.push(' selected=""');
    out.push('>');
    if (VOID.has(upper)) return;
    if (masked) out.push(tag === 'select' || tag === 'textarea' ? '' : '••••••');
    else if (tag === 'textarea') out.push(escapeText(node.value));
    else for (const child of node.childNodes) serialize(child, out);
    out.push(`</${tag}>`);
  }
  const markup = (el) => { const out = []; serialize(el, out); return out.join(''); };
  const bytes = (frame) => new TextEncoder().encode(JSON.stringify(frame)).length;
  const viewport = () => ({ url: location.href, width: innerWidth, height: innerHeight });
  // The whole page, in parts that each fit the gateway's frame limit; false (and stopped) when it would take too many.
  function sendSnapshot() {
    cb.nodes.clear(); cb.dirty.clear(); cb.snapAt = Date.now();
    const html = `<!doctype html>${markup(document.documentElement)}`, parts = [];
    for (let at = 0, size = 8000; at < html.length;) {
      const chunk = html.slice(at, at + size);
      if (bytes({ type: 'cobrowse_dom', kind: 'snapshot', html: chunk, ...viewport(), part: 99, parts: 99 }) > FRAME_BYTES && size > 500) { size >>= 1; continue; }
      parts.push(chunk); at += chunk.length;
    }
    if (parts.length > MAX_PARTS) { showError(t('cbTooLarge')); cbAnswer('stop'); endCoBrowse(); return false; }
    parts.forEach((chunk, part) => send({ type: 'cobrowse_dom', kind: 'snapshot', ...viewport(), part, parts: parts.length, html: chunk }));
    return true;
  }

  // ---- what changes: elements whose markup is sent again, scroll, pointer ----
  function touched(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    if (!el || el === host || host.contains(el)) return;
    cb.dirty.add(el);
    cb.flushTimer ||= setTimeout(flush, FLUSH_MS);
  }
  // A masked field's typing changes nothing that is sent: its value is never read.
  const onInput = (e) => { if (cb.on && e.target instanceof Element && !isPrivate(e.target)) touched(e.target); };
  function flush() {
    cb.flushTimer = 0;
    if (!cb.on) return;
    // The nearest numbered element of each change, outermost only: its markup covers the rest.
    const changed = new Set();
    for (let el of cb.dirty) {
      while (el && !cb.ids.has(el)) el = el.parentElement;
      if (el && el.isConnected) changed.add(el);
    }
    cb.dirty.clear();
    const tops = [...changed].filter((el) => ![...changed].some((other) => other !== el && other.contains(el)));
    if (!tops.length) return;
    const patches = tops.slice(0, MAX_PATCHES).map((el) => ({ node: cb.ids.get(el), html: markup(el) }));
    const frame = { type: 'cobrowse_dom', kind: 'mutation', ...viewport(), patches };
    if (tops.length <= MAX_PATCHES && bytes(frame) <= FRAME_BYTES) return send(frame);
    // Too much changed to send as changes: the page again, but not more often than the rate limit allows.
    const wait = cb.snapAt + RESNAPSHOT_MS - Date.now();
    if (wait <= 0) return sendSnapshot();
    tops.forEach((el) => cb.dirty.add(el));
    cb.flushTimer = setTimeout(flush, wait);
  }
  function onView() {
    Object.assign(cb.view, { scrollX: Math.round(scrollX), scrollY: Math.round(scrollY), width: innerWidth, height: innerHeight });
    queueView();
  }
  function onPointer(e) {
    Object.assign(cb.view, { pointerX: Math.round(e.pageX), pointerY: Math.round(e.pageY) });
    queueView();
  }
  function queueView() {
    cb.viewTimer ||= setTimeout(() => {
      cb.viewTimer = 0;
      if (cb.on) send({ type: 'cobrowse_view', scrollX: Math.round(scrollX), scrollY: Math.round(scrollY), ...cb.view });
    }, VIEW_MS);
  }

  // ---- the operator guiding: point at an element, scroll, fill a field (with the second consent) ----
  function guide(f) {
    const el = Number.isInteger(f.node) ? cb.nodes.get(f.node) : null;
    if (f.action === 'scroll') return scrollTo({ left: +f.x || 0, top: +f.y || 0, behavior: 'smooth' });
    if (!el?.isConnected) return;
    if (f.action === 'fill') {
      if (!cb.control || isPrivate(el) || !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || /^(file|hidden)$/i.test(el.type)) return;
      el.value = String(f.value ?? '');
      el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const show = () => {
      const r = el.getBoundingClientRect();
      Object.assign(mark.style, { left: `${r.left - 4}px`, top: `${r.top - 4}px`, width: `${r.width + 2}px`, height: `${r.height + 2}px` });
    };
    show(); mark.hidden = false;
    const follow = setInterval(show, 100);
    clearTimeout(cb.markTimer);
    cb.markTimer = setTimeout(() => { clearInterval(follow); mark.hidden = true; }, HIGHLIGHT_MS);
  }
