// Switchboard contact form: <script src="https://host/contact-form.js" data-site="demo" data-form="contact" async></script>
// Renders an accessible form where the script stands (or into the element named by data-target) and posts it to
// POST /api/sites/{site}/forms/{form} (docs/channels-email.md). Extra fields: data-fields="order:Order number,message:Message*"
// (a trailing * makes one required; "message" is a text area). data-lang="ru" for Russian. No dependencies, no build.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.dataset.site) return;
  const site = script.dataset.site;
  const formName = script.dataset.form || 'contact';
  const src = new URL(script.src, location.href);
  const endpoint = `${src.origin}/api/sites/${encodeURIComponent(site)}/forms/${encodeURIComponent(formName)}`;
  const STRINGS = {
    en: {
      legend: 'Contact us', name: 'Your name', email: 'E-mail', phone: 'Phone', answerBy: 'How should we answer?',
      byEmail: 'By e-mail', byCallback: 'Call me back', message: 'Message', send: 'Send', sending: 'Sending…',
      sent: 'Thank you! We have your request and will answer soon.', busy: 'Too many requests from here; please try again in a minute.',
      failed: 'Sorry, the form could not be sent. Please try again.', fix: 'Please check the highlighted fields.',
    },
    ru: {
      legend: 'Напишите нам', name: 'Ваше имя', email: 'E-mail', phone: 'Телефон', answerBy: 'Как вам ответить?',
      byEmail: 'По e-mail', byCallback: 'Перезвонить мне', message: 'Сообщение', send: 'Отправить', sending: 'Отправляем…',
      sent: 'Спасибо! Мы получили ваш запрос и скоро ответим.', busy: 'Слишком много запросов; попробуйте через минуту.',
      failed: 'Не удалось отправить форму. Попробуйте ещё раз.', fix: 'Проверьте отмеченные поля.',
    },
  };
  const t = STRINGS[script.dataset.lang] || STRINGS[(document.documentElement.lang || 'en').slice(0, 2)] || STRINGS.en;
  const extra = (script.dataset.fields || 'message:' + t.message + '*').split(',').map((spec) => {
    const [key, label = key] = spec.split(':').map((s) => s.trim());
    return { key, label: label.replace(/\*$/, ''), required: label.endsWith('*') };
  }).filter((f) => /^[A-Za-z0-9_-]{1,64}$/.test(f.key));

  const uid = `sb-form-${site}-${formName}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    children.forEach((child) => node.append(child));
    return node;
  };
  const field = (key, label, type, required) => {
    const id = `${uid}-${key}`;
    const input = type === 'textarea'
      ? el('textarea', { id, name: key, rows: 4, required })
      : el('input', { id, name: key, type, required, autocomplete: { name: 'name', email: 'email', phone: 'tel' }[key] || 'off' });
    return el('p', { className: 'sb-form-row' }, el('label', { htmlFor: id, textContent: label + (required ? ' *' : '') }), input);
  };

  const form = el('form', { className: 'sb-contact-form', noValidate: true });
  form.setAttribute('aria-labelledby', `${uid}-legend`);
  const email = field('email', t.email, 'email', true);
  const phone = field('phone', t.phone, 'tel', false);
  const choice = (value, label, checked) => el('label', {}, el('input', { type: 'radio', name: 'answerBy', value, checked }), ' ' + label);
  const answerBy = el('fieldset', {}, el('legend', { textContent: t.answerBy }), choice('email', t.byEmail, true), ' ', choice('callback', t.byCallback, false));
  const status = el('p', { className: 'sb-form-status', id: `${uid}-status` });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const send = el('button', { type: 'submit', textContent: t.send });
  form.append(
    el('h2', { id: `${uid}-legend`, textContent: script.dataset.title || t.legend }),
    field('name', t.name, 'text', false), answerBy, email, phone,
    ...extra.map((f) => field(f.key, f.label, f.key === 'message' ? 'textarea' : 'text', f.required)),
    send, status);

  // The number is required only to be called back, the address only to be written to.
  const sync = () => {
    const byEmail = form.elements.answerBy.value !== 'callback';
    form.elements.email.required = byEmail;
    form.elements.phone.required = !byEmail;
    email.querySelector('label').textContent = t.email + (byEmail ? ' *' : '');
    phone.querySelector('label').textContent = t.phone + (byEmail ? '' : ' *');
  };
  answerBy.addEventListener('change', sync);

  const mark = (names) => {
    form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
    names.forEach((name) => form.elements[name]?.setAttribute?.('aria-invalid', 'true'));
    if (names.length) form.elements[names[0]]?.focus?.();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = [...form.querySelectorAll('input, textarea')].filter((input) => !input.checkValidity()).map((input) => input.name);
    if (missing.length) {
      mark(missing);
      status.textContent = t.fix;
      return;
    }
    send.disabled = true;
    status.textContent = t.sending;
    try {
      const response = await fetch(endpoint, { method: 'POST', body: new FormData(form) });
      if (response.ok) {
        form.reset();
        sync();
        mark([]);
        status.textContent = t.sent;
      } else if (response.status === 400) {
        const problem = await response.json().catch(() => ({}));
        mark(Object.keys(problem.errors || {}));
        status.textContent = t.fix;
      } else {
        status.textContent = response.status === 429 ? t.busy : t.failed;
      }
    } catch {
      status.textContent = t.failed;
    } finally {
      send.disabled = false;
    }
  });

  const target = script.dataset.target && document.getElementById(script.dataset.target);
  if (target) target.append(form); else script.after(form);
  sync();
})();
