  // ---- inside a retailer's app (docs/in-app.md) ----
  // With data-embed="app" on the script tag (or ?embed=app on the page) the widget fills the WebView, has no
  // launcher, and talks to the app: Switchboard.setIdentity(signed), .setPushToken(token, platform), and the app
  // hears the unread count and a close through window.SwitchboardBridge (Android's addJavascriptInterface) or
  // webkit.messageHandlers.switchboard (iOS), or a postMessage to the parent frame.
  const inApp = script.dataset.embed === 'app' || new URLSearchParams(location.search).get('embed') === 'app';
  const appPush = { frame: null };
  let unread = 0;
  function tellApp(message) {
    if (!inApp) return; // a page's own widget tells nobody
    const bridge = window.SwitchboardBridge;
    const method = `on${message.type[0].toUpperCase()}${message.type.slice(1)}`;
    try {
      if (typeof bridge?.[method] === 'function') bridge[method](...('count' in message ? [message.count] : []));
      window.webkit?.messageHandlers?.switchboard?.postMessage(message);
      if (window.parent !== window) window.parent.postMessage({ source: 'switchboard', ...message }, '*');
    } catch { /* an app without the bridge: nothing to tell */ }
  }
  function startApp() {
    if (!inApp) return;
    const style = document.createElement('style');
    style.textContent = ':host{inset:0;width:100%;height:100%} [data-sb=launcher]{display:none!important}' +
      '[data-sb=panel]{position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0;box-shadow:none}' +
      // A card's rise (translateY 8px) would slide the whole screen each time the app shows the chat.
      '[data-sb=panel].card{animation:none}';
    root.append(style);
    host.dataset.embed = 'app';
    setOpen(true);
    document.addEventListener('visibilitychange', markRead);
  }
  // What the visitor has seen: operator messages up to this seq of this conversation.
  function readMark() { const [id, seq] = String(store(key('read')) || '').split(' '); return id === state.conversationId ? Number(seq) || 0 : 0; }
  function looking() { return !ui.panel.hidden && document.visibilityState === 'visible'; }
  function markRead() {
    if (!looking() || !state.conversationId) return;
    store(key('read'), `${state.conversationId} ${state.lastSeq}`);
    if (unread) tellApp({ type: 'unread', count: unread = 0 });
  }
  function appFrame(f) {
    if (f.type === 'welcome' && appPush.frame) send(appPush.frame);
    if (f.type !== 'message' || f.from !== 'operator' || typeof f.seq !== 'number') return;
    if (looking()) return markRead();
    if (f.seq > readMark()) tellApp({ type: 'unread', count: ++unread });
  }
  const appApi = {
    open: () => { setOpen(true); markRead(); },
    close: () => { setOpen(false); if (inApp) tellApp({ type: 'close' }); },
    // A signed identity (docs/identity.md) goes with hello: say hello again if the socket is already up.
    setIdentity: (signed) => { identify(signed); if (ready) ws?.close(); },
    setPushToken: (token, platform) => {
      appPush.frame = { type: 'push_token', token: token ? String(token) : '', platform: platform ? String(platform) : undefined };
      send(appPush.frame);
    },
  };
