/**
 * The live inbox page served at `/_cswm/`: one self-contained document (no external requests),
 * newest delivery first, updated through Server-Sent Events without a reload. Every value from
 * a delivery is inserted as text, never as HTML.
 */
export const INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cswm inbox</title>
<style>
  :root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; --dup: #9a6700; --muted: #6e7781; --line: #d0d7de; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
  header { display: flex; gap: 1rem; align-items: baseline; padding: .8rem 1.2rem; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: Canvas; }
  header h1 { font-size: 1.1rem; margin: 0; }
  #status { color: var(--muted); }
  #status.live::before { content: "\\25CF "; color: var(--ok); }
  #count { margin-left: auto; color: var(--muted); }
  button { font: inherit; padding: .2rem .7rem; cursor: pointer; }
  main { padding: .6rem 1.2rem; }
  #empty { color: var(--muted); padding: 2rem 0; }
  article { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: .5rem .8rem; }
  .row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: baseline; }
  .seq { color: var(--muted); font-variant-numeric: tabular-nums; }
  .type { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
  .badge { font-size: 12px; border-radius: 10px; padding: 0 .5rem; border: 1px solid currentColor; }
  .valid { color: var(--ok); } .invalid { color: var(--bad); } .dup { color: var(--dup); } .unauth { color: var(--bad); }
  .meta { color: var(--muted); font-size: 12px; }
  .answer { margin-left: auto; font-family: ui-monospace, monospace; font-size: 12px; }
  ul.errors { margin: .3rem 0 0; padding-left: 1.2rem; color: var(--bad); font-size: 13px; }
  details { margin-top: .3rem; }
  pre { margin: .3rem 0 0; padding: .5rem; overflow: auto; max-height: 28rem; background: color-mix(in srgb, CanvasText 6%, Canvas); border-radius: 4px; font-size: 12px; }
</style>
</head>
<body>
<header>
  <h1>cswm inbox</h1>
  <span id="status">connecting…</span>
  <span id="count">0 deliveries</span>
  <button id="clear" type="button">Clear</button>
</header>
<main>
  <div id="empty">No deliveries yet. Send one to this receiver; it appears here without a reload.</div>
  <div id="list"></div>
</main>
<script>
(() => {
  const list = document.getElementById('list');
  const empty = document.getElementById('empty');
  const count = document.getElementById('count');
  const status = document.getElementById('status');
  const seen = new Set();
  let total = 0;

  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const answerText = (r) => {
    if (!r) return '';
    if (r.type === 'fault') return 'fault: ' + r.fault;
    if (r.type === 'unauthorized') return r.status + ' unauthorized';
    if (r.type === 'proxied') return 'proxied: ' + r.status;
    return String(r.status);
  };

  const render = (d) => {
    const card = el('article');
    card.dataset.seq = String(d.seq);
    card.dataset.eventType = d.eventType || '';
    const row = el('div', 'row');
    row.append(el('span', 'seq', '#' + d.seq));
    row.append(el('span', 'type', d.eventType || '(not recognised)'));
    row.append(el('span', 'badge ' + (d.valid ? 'valid' : 'invalid'), d.valid ? 'valid' : 'not valid'));
    if (d.duplicate) row.append(el('span', 'badge dup', 'duplicate'));
    if (!d.authorized) row.append(el('span', 'badge unauth', 'unauthorized'));
    row.append(el('span', 'meta', new Date(d.receivedAt).toLocaleTimeString() + ' · ' + d.method + ' ' + d.path + (d.eventId ? ' · ' + d.eventId : '')));
    row.append(el('span', 'answer', answerText(d.response)));
    card.append(row);
    if (!d.valid && d.errors && d.errors.length) {
      const ul = el('ul', 'errors');
      for (const e of d.errors.slice(0, 20)) ul.append(el('li', '', (e.path || '/') + ': ' + e.message));
      card.append(ul);
    }
    const details = el('details');
    details.append(el('summary', '', 'payload'));
    let text = d.body;
    if (d.payload !== undefined) { try { text = JSON.stringify(d.payload, null, 2); } catch {} }
    details.append(el('pre', '', text));
    const headers = el('details');
    headers.append(el('summary', '', 'headers'));
    headers.append(el('pre', '', Object.entries(d.headers || {}).map(([k, v]) => k + ': ' + v).join('\\n')));
    card.append(details, headers);
    return card;
  };

  const add = (d) => {
    if (seen.has(d.seq)) return;
    seen.add(d.seq);
    total += 1;
    list.prepend(render(d));
    while (list.childElementCount > 500) list.lastElementChild.remove();
    empty.hidden = true;
    count.textContent = total + (total === 1 ? ' delivery' : ' deliveries');
  };

  const reset = () => {
    seen.clear(); total = 0; list.replaceChildren(); empty.hidden = false; count.textContent = '0 deliveries';
  };

  const connect = () => {
    const source = new EventSource('events');
    source.addEventListener('open', () => { status.textContent = 'live'; status.className = 'live'; });
    source.addEventListener('error', () => { status.textContent = 'reconnecting…'; status.className = ''; });
    source.addEventListener('delivery', (e) => add(JSON.parse(e.data)));
    source.addEventListener('clear', reset);
  };

  fetch('deliveries', { cache: 'no-store' })
    .then((r) => r.json())
    .then((data) => { for (const d of data.deliveries) add(d); })
    .catch(() => { status.textContent = 'could not load deliveries'; })
    .finally(connect);

  document.getElementById('clear').addEventListener('click', () => {
    fetch('deliveries', { method: 'DELETE' }).then(reset);
  });
})();
</script>
</body>
</html>
`;
