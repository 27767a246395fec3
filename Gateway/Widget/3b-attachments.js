  // ---- files: attach by button, paste or drop; upload with progress; show what messages carry ----
  // Uploads go to the gateway (another origin than the page) with the visitor token; the server decides the type by
  // content, strips photos' metadata and answers with ids the next message carries. Links come signed in frames.
  const uploadUrl = `${src.origin}/api/sites/${encodeURIComponent(site)}/attachments`;
  let tray = []; // {file, id?, node, xhr?} in the order chosen; sent with the next message once uploaded
  const fileSize = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);
  function addFiles(files) {
    for (const file of files || []) {
      const node = make('div', { sb: 'upload' }, file.name);
      const bar = node.appendChild(make('progress', { sb: 'progress' }));
      bar.max = 1; bar.value = 0;
      const item = { file, node };
      node.appendChild(make('button', { sb: 'upload-remove' }, '✕')).onclick = () => dropUpload(item);
      tray.push(item); ui.tray.append(node); upload(item, bar);
    }
    ui.tray.hidden = !tray.length;
  }
  function upload(item, bar) {
    const xhr = item.xhr = new XMLHttpRequest(), body = new FormData();
    body.append('file', item.file, item.file.name);
    xhr.open('POST', uploadUrl);
    xhr.setRequestHeader('Authorization', `Bearer ${store(key('token')) || ''}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
    xhr.onload = () => {
      let answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch { /* a proxy's page: its status says enough */ }
      if (xhr.status !== 201 || typeof answer.id !== 'string') { dropUpload(item); return showError(answer.title || `${item.file.name}: ${xhr.status}`); }
      item.id = answer.id; bar.value = 1; item.node.dataset.done = '';
    };
    xhr.onerror = () => { dropUpload(item); showError(item.file.name); };
    xhr.send(body);
  }
  function dropUpload(item) {
    if (!item.id) item.xhr?.abort();
    tray = tray.filter((x) => x !== item); item.node.remove();
    ui.tray.hidden = !tray.length;
  }
  const uploading = () => tray.some((x) => !x.id);
  // The uploaded ids for the next message, and the tray emptied; null while any file is still on its way.
  function takeUploads() {
    if (uploading()) return null;
    const ids = tray.map((x) => x.id);
    tray.forEach((x) => x.node.remove()); tray = []; ui.tray.hidden = true;
    return ids;
  }
  // Only the gateway's own paths are shown: a message never links elsewhere. Photos as thumbnails opening the full
  // image, video as a player behind its first frame, anything else (and a video the server could not thumbnail: no
  // ffmpeg there) as its name and size.
  const fileUrl = (path) => (typeof path === 'string' && path.startsWith('/api/sites/') ? src.origin + path : null);
  function fileNode(a) {
    const url = fileUrl(a?.url), thumb = fileUrl(a?.thumbnailUrl);
    if (!url) return null;
    if (thumb && a.contentType === 'video/mp4') return Object.assign(make('video', { sb: 'file' }), { src: url, poster: thumb, controls: true, preload: 'none' });
    const link = Object.assign(make('a', { sb: 'file' }, thumb ? '' : `${a.name ?? ''} (${fileSize(+a.size || 0)})`), { href: url, target: '_blank', rel: 'noopener' });
    if (thumb) link.append(Object.assign(make('img'), { src: thumb, alt: String(a.name ?? '') }));
    return link;
  }
  const showFiles = (node, files) => (Array.isArray(files) ? files : []).map(fileNode).forEach((n) => n && node.append(n));
  Object.assign(STRINGS.en, { attach: 'Attach files', uploading: 'Wait until the files are uploaded' });
  Object.assign(STRINGS.ru, { attach: 'Прикрепить файлы', uploading: 'Дождитесь загрузки файлов' });
  ui.attach.onclick = () => ui.files.click();
  ui.attach.onmouseenter = () => { ui.attach.title = t('attach'); };
  ui.files.onchange = () => { addFiles(ui.files.files); ui.files.value = ''; };
  ui.input.addEventListener('paste', (e) => { if (e.clipboardData?.files.length) { e.preventDefault(); addFiles(e.clipboardData.files); } });
  ui.panel.addEventListener('dragover', (e) => e.preventDefault());
  ui.panel.addEventListener('drop', (e) => { e.preventDefault(); addFiles(e.dataTransfer?.files); });
