// UI strings for the operator console. Every visible string lives here or in
// the strings-*.js modules merged below; placeholders are written {name} and
// filled by t(key, params).

import { monitorStrings } from "./strings-monitor.js";
import { workplaceStrings } from "./strings-workplace.js";

const LANGUAGE_KEY = "switchboard:console:lang";

const dictionaries = {
  en: {
    "app.title": "Switchboard operator console",
    "app.brand": "Switchboard",
    "lang.label": "Language",

    "login.heading": "Operator sign-in",
    "login.site": "Site",
    "login.name": "Login",
    "login.password": "Password",
    "login.submit": "Sign in",
    "login.busy": "Signing in…",
    "login.failed": "Sign-in failed",
    "login.network": "Cannot reach the server. Check the connection and try again.",
    "login.expired": "Your session has ended. Please sign in again.",

    "header.status": "Your status",
    "header.logout": "Log out",
    "header.supervisor": "supervisor",
    "header.dashboard": "Cluster dashboard",
    "header.dashboardTitle": "Orleans Dashboard: silos, grains and grain calls across the cluster (opens in a new tab)",
    "header.missed": "Missed: {count}",
    "header.missedTitle": "Chats you did not answer in time",
    "status.online": "Online",
    "status.away": "Away",
    "status.offline": "Offline",
    "connection.online": "Connected",
    "connection.connecting": "Connecting…",
    "connection.offline": "No connection, reconnecting…",

    "chats.heading": "My chats",
    "chats.empty": "No chats yet. New chats appear here as soon as they are assigned to you.",
    "chats.unread": "{count} unread",
    "chat.status.queued": "In queue",
    "chat.status.assigned": "New",
    "chat.status.active": "Active",
    "chat.status.closed": "Closed",
    "chat.close": "Close chat",
    "chat.transfer": "Transfer",
    "chat.queue": "Queue: {queue}",
    "chat.form": "Pre-chat form",
    "chat.phoneTitle": "The visitor asked for a callback",
    "chat.page": "Page: {page}",
    "chat.cart": "Cart: {count} pcs, {total}",
    "visitor.fallback": "Visitor {id}",

    "tabs.label": "Chats and visitors",
    "visitors.tabEmpty": "Visitors",
    "visitors.tab": "Visitors ({total})",
    "visitors.heading": "Visitors on the site",
    "visitors.empty": "Nobody is on the site right now.",
    "visitors.loadFailed": "Could not load the visitors: {reason}",
    "visitors.returning": "returning",
    "visitors.chatting": "chatting",
    "visitors.invite": "Invite",
    "visitors.time": "{time} on site",
    "visitors.pages.one": "{count} page",
    "visitors.pages.other": "{count} pages",
    "visitors.cart": "cart {total}",
    "visitors.direct": "direct",
    "invite.title": "Invite {name} to a chat",
    "invite.text": "Invitation",
    "invite.default": "Hello! Can I help you with anything?",
    "invite.cancel": "Cancel",
    "invite.send": "Send invitation",
    "invite.sending": "Sending…",
    "invite.sent": "Invitation sent to {name}",
    "invite.failed": "The invitation was not sent ({status})",
    "panel.label": "About the visitor",
    "panel.now": "Now on",
    "panel.pages.one": "{count} page",
    "panel.pages.other": "{count} pages",
    "panel.cart": "Cart",
    "panel.cartEmpty": "empty",
    "panel.cartItem": "{name} × {qty}",
    "panel.cartTotal": "Total {total}",
    "panel.source": "Source",
    "panel.returning": "returning visitor",

    "pane.empty": "Select a chat on the left to read and reply.",
    "notice.dismiss": "Dismiss",
    "notice.closed": "The chat with {name} has ended and left your list.",
    "notice.transfer": "Chat transferred: the chat with {name} has left your list.",
    "notice.no_answer": "You did not answer {name} in time: the chat went back to the queue and your status is now Away.",
    "notice.gone": "The chat with {name} is no longer assigned to you.",

    "typing.label": "Visitor is typing:",
    "reply.label": "Reply",
    "reply.placeholder": "Type a reply. Enter sends, Shift+Enter starts a new line.",
    "reply.closedPlaceholder": "This chat is closed.",
    "reply.send": "Send",
    "msg.sending": "Sending…",
    "msg.failed": "Not sent: {reason}. Click to try again.",

    "event.started": "Chat started",
    "event.startedQueue": "Chat started in queue “{queue}”",
    "event.assigned": "Assigned to {name}",
    "event.closed.visitor": "The visitor closed the chat",
    "event.closed.operator": "The operator closed the chat",
    "event.closed.system": "Closed after inactivity",
    "event.callback": "Visitor asked for a callback: {phone}",
    "event.transferredOperator": "{from} transferred the chat to {to}",
    "event.transferredQueue": "{from} transferred the chat to queue “{queue}”",
    "event.transferred": "{from} transferred the chat",
    "event.note": "Note: {note}",
    "event.rated": "Visitor rated the chat {score} of 5",
    "event.ratedComment": "Visitor rated the chat {score} of 5: {comment}",
    "event.unassigned": "{name} left the chat ({reason})",
    "reason.transfer": "transfer",
    "reason.no_answer": "no answer",
    "reason.closed": "closed",
    "someone": "An operator",

    "transfer.title": "Transfer chat",
    "transfer.target": "Transfer to",
    "transfer.choose": "Choose an operator or a queue…",
    "transfer.loading": "Loading…",
    "transfer.operators": "Operators",
    "transfer.queues": "Queues",
    "transfer.operator": "{name} ({status})",
    "transfer.note": "Note for your colleague (optional, the visitor does not see it)",
    "transfer.cancel": "Cancel",
    "transfer.confirm": "Transfer",
    "transfer.sending": "Transferring…",
    "transfer.loadFailed": "Could not load the operators and queues: {reason}",
    "transfer.failed": "The chat was not transferred: {reason}",
    "transfer.offline": "No connection to the server. Try again once the console is connected.",

    "error.bad_request": "The server did not accept the request",
    "error.too_large": "the message is too long",
    "error.rate_limited": "too many messages, please wait a moment",
    "error.unauthorized": "not signed in",
    "error.forbidden": "not allowed",
    "error.not_found": "the chat was not found",
    "error.unavailable": "the service is temporarily unavailable",
    "error.unknown": "unexpected error",
  },

  ru: {
    "app.title": "Switchboard: консоль оператора",
    "app.brand": "Switchboard",
    "lang.label": "Язык",

    "login.heading": "Вход оператора",
    "login.site": "Сайт",
    "login.name": "Логин",
    "login.password": "Пароль",
    "login.submit": "Войти",
    "login.busy": "Входим…",
    "login.failed": "Не удалось войти",
    "login.network": "Сервер недоступен. Проверьте соединение и попробуйте ещё раз.",
    "login.expired": "Сеанс завершён. Войдите снова.",

    "header.status": "Ваш статус",
    "header.logout": "Выйти",
    "header.supervisor": "супервизор",
    "header.dashboard": "Панель кластера",
    "header.dashboardTitle": "Orleans Dashboard: силосы, грейны и вызовы грейнов по всему кластеру (откроется в новой вкладке)",
    "header.missed": "Пропущено: {count}",
    "header.missedTitle": "Чаты, на которые вы не ответили вовремя",
    "status.online": "В сети",
    "status.away": "Отошёл",
    "status.offline": "Не в сети",
    "connection.online": "Подключено",
    "connection.connecting": "Подключение…",
    "connection.offline": "Нет связи, переподключаемся…",

    "chats.heading": "Мои чаты",
    "chats.empty": "Чатов пока нет. Новые чаты появятся здесь, как только их назначат вам.",
    "chats.unread": "Непрочитанных: {count}",
    "chat.status.queued": "В очереди",
    "chat.status.assigned": "Новый",
    "chat.status.active": "Идёт",
    "chat.status.closed": "Закрыт",
    "chat.close": "Закрыть чат",
    "chat.transfer": "Передать",
    "chat.queue": "Очередь: {queue}",
    "chat.form": "Анкета перед чатом",
    "chat.phoneTitle": "Посетитель просит перезвонить",
    "chat.page": "Страница: {page}",
    "chat.cart": "Корзина: {count} шт., {total}",
    "visitor.fallback": "Посетитель {id}",

    "tabs.label": "Чаты и посетители",
    "visitors.tabEmpty": "Посетители",
    "visitors.tab": "Посетители ({total})",
    "visitors.heading": "Посетители на сайте",
    "visitors.empty": "Сейчас на сайте никого нет.",
    "visitors.loadFailed": "Не удалось загрузить посетителей: {reason}",
    "visitors.returning": "повторный",
    "visitors.chatting": "в чате",
    "visitors.invite": "Пригласить",
    "visitors.time": "{time} на сайте",
    "visitors.pages.one": "{count} страница",
    "visitors.pages.few": "{count} страницы",
    "visitors.pages.many": "{count} страниц",
    "visitors.pages.other": "{count} страницы",
    "visitors.cart": "корзина {total}",
    "visitors.direct": "прямой заход",
    "invite.title": "Пригласить в чат: {name}",
    "invite.text": "Приглашение",
    "invite.default": "Здравствуйте! Могу я чем-нибудь помочь?",
    "invite.cancel": "Отмена",
    "invite.send": "Отправить приглашение",
    "invite.sending": "Отправляем…",
    "invite.sent": "Приглашение отправлено: {name}",
    "invite.failed": "Приглашение не отправлено ({status})",
    "panel.label": "О посетителе",
    "panel.now": "Сейчас",
    "panel.pages.one": "{count} страница",
    "panel.pages.few": "{count} страницы",
    "panel.pages.many": "{count} страниц",
    "panel.pages.other": "{count} страницы",
    "panel.cart": "Корзина",
    "panel.cartEmpty": "пусто",
    "panel.cartItem": "{name} × {qty}",
    "panel.cartTotal": "Итого {total}",
    "panel.source": "Источник",
    "panel.returning": "повторный визит",

    "pane.empty": "Выберите чат слева, чтобы читать и отвечать.",
    "notice.dismiss": "Скрыть",
    "notice.closed": "Чат с «{name}» завершён и убран из списка.",
    "notice.transfer": "Чат передан: чат с «{name}» убран из вашего списка.",
    "notice.no_answer": "Вы не ответили посетителю «{name}» вовремя: чат вернулся в очередь, а ваш статус теперь «Отошёл».",
    "notice.gone": "Чат с «{name}» больше не назначен вам.",

    "typing.label": "Посетитель печатает:",
    "reply.label": "Ответ",
    "reply.placeholder": "Напишите ответ. Enter — отправить, Shift+Enter — новая строка.",
    "reply.closedPlaceholder": "Чат закрыт.",
    "reply.send": "Отправить",
    "msg.sending": "Отправляется…",
    "msg.failed": "Не отправлено: {reason}. Нажмите, чтобы повторить.",

    "event.started": "Чат начат",
    "event.startedQueue": "Чат начат в очереди «{queue}»",
    "event.assigned": "Назначен оператор: {name}",
    "event.closed.visitor": "Посетитель закрыл чат",
    "event.closed.operator": "Оператор закрыл чат",
    "event.closed.system": "Закрыт из-за неактивности",
    "event.callback": "Посетитель просит перезвонить: {phone}",
    "event.transferredOperator": "{from}: чат передан оператору {to}",
    "event.transferredQueue": "{from}: чат передан в очередь «{queue}»",
    "event.transferred": "{from}: чат передан",
    "event.note": "Заметка: {note}",
    "event.rated": "Оценка посетителя: {score} из 5",
    "event.ratedComment": "Оценка посетителя: {score} из 5. {comment}",
    "event.unassigned": "Чат снят с оператора {name} ({reason})",
    "reason.transfer": "передача",
    "reason.no_answer": "нет ответа",
    "reason.closed": "закрыт",
    "someone": "оператор",

    "transfer.title": "Передать чат",
    "transfer.target": "Кому",
    "transfer.choose": "Выберите оператора или очередь…",
    "transfer.loading": "Загрузка…",
    "transfer.operators": "Операторы",
    "transfer.queues": "Очереди",
    "transfer.operator": "{name} ({status})",
    "transfer.note": "Заметка для коллеги (необязательно, посетитель её не увидит)",
    "transfer.cancel": "Отмена",
    "transfer.confirm": "Передать",
    "transfer.sending": "Передаём…",
    "transfer.loadFailed": "Не удалось загрузить операторов и очереди: {reason}",
    "transfer.failed": "Чат не передан: {reason}",
    "transfer.offline": "Нет связи с сервером. Повторите, когда консоль подключится.",

    "error.bad_request": "сервер не принял запрос",
    "error.too_large": "сообщение слишком длинное",
    "error.rate_limited": "слишком много сообщений, подождите немного",
    "error.unauthorized": "нужно войти снова",
    "error.forbidden": "нет прав",
    "error.not_found": "чат не найден",
    "error.unavailable": "сервис временно недоступен",
    "error.unknown": "непредвиденная ошибка",
  },
};

for (const extra of [workplaceStrings, monitorStrings]) {
  for (const lang of Object.keys(dictionaries)) Object.assign(dictionaries[lang], extra[lang]);
}

export const languages = Object.keys(dictionaries);

let current = initialLanguage();

function initialLanguage() {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved in dictionaries) return saved;
  const preferred = (navigator.language || "en").slice(0, 2).toLowerCase();
  return preferred in dictionaries ? preferred : "en";
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!(lang in dictionaries)) return;
  current = lang;
  localStorage.setItem(LANGUAGE_KEY, lang);
}

/** The string for key in the current language, with {placeholders} filled in. */
export function t(key, params = {}) {
  const template = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A count with its plural form: key.one, key.few, key.many or key.other as the
 * language's plural rules pick (English uses one/other); {count} is filled in.
 */
export function tn(key, count, params = {}) {
  const form = new Intl.PluralRules(current).select(count);
  const chosen = `${key}.${form}` in dictionaries[current] ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { ...params, count });
}

/** Fills static markup: data-i18n sets textContent, data-i18n-<attr> sets that attribute. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  document.title = t("app.title");
  for (const node of root.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const attr of ["placeholder", "title", "aria-label"]) {
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.getAttribute(`data-i18n-${attr}`)));
    }
  }
}
