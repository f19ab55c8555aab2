// Browser module for the data page: reads the chosen CSV, uploads it in parts small enough for the
// server's body limit, starts the import and follows its progress on the bar until the rows are in.

export const IMPORTER_SCRIPT = `
const form = document.querySelector('form[data-importer]');
if (form) {
  const bar = form.querySelector('progress');
  const status = form.querySelector('[data-status]');
  const partChars = Number(form.dataset.partChars);
  const say = (text) => { status.textContent = text; };
  const post = async (url, body, type) => {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': type } });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || response.statusText);
    return response.json();
  };
  const splitLines = (text) => {
    const parts = [];
    let start = 0;
    while (start < text.length) {
      let end = Math.min(text.length, start + partChars);
      if (end < text.length) {
        const newline = text.lastIndexOf('\\n', end - 1);
        if (newline > start) end = newline + 1;
      }
      parts.push(text.slice(start, end));
      start = end;
    }
    return parts;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    bar.hidden = false;
    bar.value = 0;
    try {
      const text = await file.text();
      const parts = splitLines(text);
      const { id } = await post(form.dataset.startUrl, JSON.stringify({ fileName: file.name }), 'application/json');
      for (const [index, part] of parts.entries()) {
        await post(form.dataset.startUrl + '/' + id + '/parts/' + index, part, 'text/csv');
        bar.value = ((index + 1) / parts.length) * 30;
        say(form.dataset.uploading);
      }
      await post(form.dataset.startUrl + '/' + id + '/run', '{}', 'application/json');
      for (;;) {
        const state = await (await fetch(form.dataset.startUrl + '/' + id)).json();
        if (state.totalRows > 0) bar.value = 30 + (state.doneRows / state.totalRows) * 70;
        say(form.dataset.importing + ' ' + state.doneRows + ' / ' + state.totalRows);
        if (state.status === 'done' || state.status === 'failed') {
          bar.value = 100;
          const target = new URL(window.location.href);
          target.search = '';
          target.searchParams.set('import', String(id));
          window.location.assign(target.toString());
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } catch (error) {
      say(form.dataset.failed + ' ' + error.message);
    }
  });
}
`;
