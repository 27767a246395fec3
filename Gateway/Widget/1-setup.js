// Switchboard chat widget: <script src="https://host/widget.js" data-site="demo" async></script>
// No dependencies, no build. Visitor and operator text only ever goes through textContent.
// Page API: window.Switchboard.open(), .close(), .cart({items: [{sku, name, qty, price}], total, currency}),
// .identify({customerId, name, email, phone, customerType, expires, signature}) and .region('moscow') (docs/identity.md;
// also as data-customer-id, data-name, data-email, data-phone, data-customer-type, data-expires, data-signature, data-region).
// The script loads async, so a page queues calls until then: (window.SwitchboardQueue ||= []).push(['cart', {…}]).
// Inside a retailer's app (data-embed="app"): full screen, plus .setIdentity(signed) and .setPushToken(token, platform) (docs/in-app.md).
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
      topic: 'Topic of your question', messages: 'Messages', score: '{0} of 5',
    },
    ru: {
      title: 'Чат с консультантом', placeholder: 'Введите сообщение…', send: 'Отправить', end: 'Завершить чат', open: 'Чат',
      any: 'Любой вопрос', hello: 'Задайте вопрос, обычно мы отвечаем в течение минуты.', waiting: 'Подключаем консультанта…',
      queued: 'Ваш номер в очереди: {0}{1}', min: ' (около {0} мин)', soon: ' (меньше минуты)', assigned: '{0} отвечает', comment: 'Комментарий (необязательно)',
      closed: 'Чат завершён', idle: 'Чат закрыт из-за неактивности', typing: 'оператор печатает…', rate: 'Оцените консультацию:',
      thanks: 'Спасибо!', transfer: 'Переводим вас на консультанта {0}…', transferQ: 'Переводим вас в другой отдел…', ask: 'Задать вопрос',
      required: 'Заполните обязательные поля', callback: 'Заказать обратный звонок', phone: 'Ваш номер телефона', dismiss: 'Закрыть',
      cbsend: 'Позвоните мне', cbdone: 'Мы перезвоним вам по номеру {0}', leave: 'Вы можете оставить сообщение здесь, мы ответим, как только сможем.',
      topic: 'Тема вопроса', messages: 'Сообщения', score: '{0} из 5',
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
