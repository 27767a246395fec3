  // ---- the skeleton ----
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
[data-sb=rate]{width:28px;height:28px;margin-left:4px;border:1px solid #ccc;border-radius:6px;background:#fff} select{margin:4px 12px;border:1px solid #ccc;border-radius:6px;padding:4px 6px;background:#fff;color:inherit}
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
[data-sb=attach]{border:0;background:none;padding:0 2px;color:#57606a;display:flex;align-items:center} [data-sb=tray]{padding:4px 12px;font-size:12px} [data-sb=upload] progress{width:80px;margin:0 6px}
[data-sb=file]{display:block;margin-top:4px;color:inherit} [data-sb=file] img,video[data-sb=file]{max-width:100%;max-height:160px;border-radius:6px}
[data-sb=upload-remove]{border:0;background:none;color:#57606a} [data-sb=launcher]{transition:transform .15s} [data-sb=launcher]:hover{transform:scale(1.06)}
:focus-visible{outline:2px solid #2b59c3;outline-offset:2px} header :focus-visible,.primary:focus-visible,[data-sb=launcher]:focus-visible{outline-color:#1f2328}
.card:not([hidden]){animation:sb-rise .18s ease-out} @keyframes sb-rise{from{transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
</style>
<div data-sb="panel" class="card" role="dialog" hidden><header data-t="title"></header><div class="line" data-sb="status" aria-live="polite"></div>
<div data-sb="messages" role="log" aria-live="polite"></div><div class="line" data-sb="typing" data-t="typing" hidden></div><div class="line" data-sb="error" role="alert" hidden></div>
<div class="line" data-sb="rating" role="group" hidden><textarea data-sb="rate-comment" rows="2" maxlength="1000"></textarea><span data-t="rate"></span>${
  [1, 2, 3, 4, 5].map((n) => `<button data-sb="rate" data-score="${n}">${n}</button>`).join('')}</div>
<div class="line" data-sb="thanks" data-t="thanks" hidden></div><div class="line" data-sb="cb" hidden><button data-sb="callback" data-t="callback"></button>
<div data-sb="cbform"><input data-sb="phone" type="tel" autocomplete="tel" maxlength="40"><button data-sb="callback-send" data-t="cbsend"></button></div></div>
<select data-sb="queue" hidden></select><div data-sb="form" hidden></div>
<div data-sb="tray" hidden></div><div class="compose"><button data-sb="attach"><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg></button>
<input data-sb="files" type="file" multiple hidden accept="image/jpeg,image/png,image/webp,image/gif,image/heic,video/mp4,application/pdf">
<textarea data-sb="input" rows="2" maxlength="4000"></textarea><button data-sb="send" class="primary" data-t="send"></button></div>
<button data-sb="close" data-t="end" hidden></button></div>
<div data-sb="invite" class="card" role="dialog" hidden><p data-sb="invite-text"></p>
<button data-sb="invite-accept" class="primary" data-t="ask"></button><button data-sb="invite-dismiss">✕</button></div>
<button data-sb="launcher" aria-expanded="false"><svg width="26" height="26" viewBox="0 0 24 24" fill="currentColor">
<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg></button>`;
  const ui = {};
  root.querySelectorAll('[data-sb]').forEach((el) => { ui[el.dataset.sb] = el; });
  function applyLanguage() {
    root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
    [ui.input.placeholder, ui.phone.placeholder, ui['rate-comment'].placeholder] = [t('placeholder'), t('phone'), t('comment')];
    [ui.launcher.ariaLabel, ui.panel.ariaLabel, ui['invite-dismiss'].ariaLabel] = [t('open'), t('title'), t('dismiss')];
    // Names for what shows no text of its own (or only an emoji or a digit) to a screen reader.
    [ui.queue.ariaLabel, ui.messages.ariaLabel, ui.attach.ariaLabel] = [t('topic'), t('messages'), t('attach')];
    [ui.input.ariaLabel, ui.phone.ariaLabel, ui['rate-comment'].ariaLabel] = [t('placeholder'), t('phone'), t('comment')];
    ui.rating.ariaLabel = t('rate');
    root.querySelectorAll('[data-sb=rate]').forEach((b) => { b.ariaLabel = t('score', b.dataset.score); });
  }
