/**
 * The inbox page's fixed skeleton; app.ts fills it. Ids here are what the script and the
 * browser tests look for.
 */
export const MARKUP = `
<header class="top">
  <div class="brand">
    <svg class="logo" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 6h16v12H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="M4 7l8 6 8-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>
    <h1>cswm inbox</h1>
    <span id="status" class="status" role="status">connecting…</span>
  </div>
  <div class="search">
    <input id="q" type="search" placeholder="Search payloads" aria-label="Search payloads, event ids and paths" autocomplete="off" spellcheck="false">
    <kbd class="slash" aria-hidden="true">/</kbd>
  </div>
  <div class="actions">
    <a id="export" class="btn" href="deliveries?format=ndjson" download="cswm-deliveries.ndjson" hidden>Export NDJSON</a>
    <button id="clear" class="btn" type="button" title="Forget every recorded delivery">Clear</button>
  </div>
</header>
<p id="drops" class="drops" role="status" hidden></p>
<main class="panes">
  <section class="list-pane" aria-label="Events">
    <div class="filters">
      <select id="f-type" aria-label="Event type"><option value="">All types</option></select>
      <select id="f-validity" aria-label="Validity"><option value="">Valid or not</option><option value="valid">Valid only</option><option value="invalid">Not valid only</option></select>
      <select id="f-answer" aria-label="Answer given"><option value="">Any answer</option></select>
      <select id="f-duplicates" aria-label="Duplicates"><option value="">Duplicates or not</option><option value="only">Duplicates only</option><option value="none">No duplicates</option></select>
    </div>
    <div class="list-head">
      <span id="count" class="count"></span>
      <button id="newer" class="pill" type="button" hidden></button>
      <button id="show-overview" class="btn small" type="button">Overview</button>
    </div>
    <div id="list" class="list" role="listbox" tabindex="0" aria-label="Events, most recent first"></div>
    <p id="empty" class="empty">Loading…</p>
  </section>
  <section id="detail" class="detail" aria-label="Details"></section>
</main>
`;
