/**
 * Browser code (inlined in the page, see kit.ts): the page's state and wiring. The list
 * shows a snapshot (snapshot.ts); change notes from `/_cswm/changes` take a new one when the
 * newest rows are in view, and otherwise offer "N new", so what is being read does not move.
 */
import type { GroupRow, InboxStats } from '../../inbox-index.js';
import type { RecordedDelivery } from '../../types.js';
import type { DetailView } from './detail.js';
import type { ExtrasView } from './extras.js';
import type { FilterBar, FilterName } from './filters.js';
import type { PageKit } from './kit.js';
import type { ListView } from './list.js';
import type { OverviewView } from './overview.js';
import type { SnapshotStore } from './snapshot.js';

export function inboxApp(
  kit: PageKit,
  lists: ListView,
  detail: DetailView,
  overview: OverviewView,
  extras: ExtrasView,
  snapshots: SnapshotStore,
  filterBar: FilterBar,
) {
  const { el, api, count, plural, time, throttle } = kit;
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const ui = {
    list: $('list'),
    detail: $('detail'),
    status: $('status'),
    count: $('count'),
    newer: $('newer'),
    empty: $('empty'),
    drops: $('drops'),
    exportLink: $('export'),
  };
  const state = {
    epoch: 0,
    stats: null as InboxStats | null,
    open: null as null | { key: string; seq: number | null; lastSeq: number },
    available: { exportable: false, resend: false, profile: false },
    profile: null as Record<string, unknown> | null,
    resendMemory: { url: '' },
  };

  const filters = filterBar.createFilters(() => {
    list.setCursor(-1);
    void reload({ top: true });
  });
  const snapshot = snapshots.createSnapshot({
    filter: () => filters.values,
    firstInView: () => {
      const rowH = Number.parseFloat(getComputedStyle(ui.list).getPropertyValue('--row-h')) || 64;
      return Math.floor(ui.list.scrollTop / rowH);
    },
    answered: async (data, fresh) => {
      if (fresh) ui.newer.hidden = true;
      applyStats(data.stats);
      setTotal(data.total);
      if (fresh) await refreshOpen();
    },
    failed,
  });
  const list = lists.createList<GroupRow>({
    root: ui.list,
    rowAt: snapshot.rowAt,
    draw,
    need: snapshot.need,
    pick: (i) => void openIndex(i),
  });

  function draw(g: GroupRow): HTMLElement {
    const last = g.recent[g.recent.length - 1];
    const isOpen = state.open?.key === g.key;
    const stripe = el('span', { class: 'stripe' });
    stripe.style.setProperty('--h', String(kit.hue(g.eventType)));
    const tags = [
      g.duplicate ? el('span', { class: 'tag dup' }, g.attempts > 1 ? `×${g.attempts}` : 'duplicate') : null,
      g.valid ? null : el('span', { class: 'tag bad' }, 'not valid'),
      g.authorized ? null : el('span', { class: 'tag bad' }, 'unauthorized'),
    ];
    return el(
      'div',
      {
        class: `row tone-${last?.tone ?? 'ok'}${isOpen ? ' open' : ''}`,
        'aria-selected': String(isOpen),
        'data-key': g.key,
        title: g.summary,
      },
      stripe,
      el('div', { class: 'r1' }, el('span', { class: 'sum' }, g.summary)),
      el(
        'div',
        { class: 'r2' },
        detail.timeline(g.recent, 4),
        el('span', { class: 'tags' }, ...tags),
        el('time', { datetime: g.lastAt }, time(g.lastAt)),
      ),
    );
  }

  /** A new snapshot, from the top when asked (after a filter change, or to show what is new). */
  function reload(options: { top?: boolean } = {}): Promise<void> {
    if (options.top) list.top();
    return snapshot.take();
  }

  function setTotal(total: number): void {
    list.setTotal(total);
    const s = state.stats;
    const filtered = filters.any();
    ui.count.textContent = !s
      ? ''
      : filtered
        ? `${plural(total, 'event')} match · ${count(s.groups)} in all`
        : `${plural(s.groups, 'event')} · ${plural(s.kept, 'delivery', 'deliveries')}`;
    ui.empty.hidden = total > 0;
    ui.empty.textContent =
      !s || s.received === 0
        ? 'No deliveries yet. Send one to this receiver: it shows up here without a reload.'
        : 'Nothing matches these filters.';
  }

  const liveReload = throttle(() => void reload(), 250);
  const statsRefresh = throttle(() => void api<InboxStats>('stats').then(applyStats, failed), 1000);
  const profileRefresh = throttle(() => void loadProfile(), 2000);

  function onChange(seq: number): void {
    if (state.available.profile) profileRefresh();
    if (list.atTop()) {
      liveReload();
      return;
    }
    ui.newer.hidden = false;
    ui.newer.textContent = `↑ ${count(Math.max(1, seq - (snapshot.asOf ?? 0)))} new`;
    statsRefresh();
  }

  function applyStats(s: InboxStats): void {
    if (state.epoch && s.epoch !== state.epoch) {
      state.epoch = s.epoch;
      return void reset();
    }
    state.epoch = s.epoch;
    state.stats = s;
    filters.update(s);
    const dropped = s.droppedDeliveries || s.forgottenEventIds;
    ui.drops.hidden = !dropped;
    ui.drops.textContent = dropped
      ? `Memory limits reached: ${count(s.droppedDeliveries)} oldest deliveries dropped (keeps ${count(s.maxRecords)}), ${count(s.forgottenEventIds)} event ids forgotten (keeps ${count(s.maxEventIds)}).`
      : '';
    if (!state.open) showOverview();
  }

  async function openIndex(index: number): Promise<void> {
    const row = await snapshot.ensure(index);
    if (row) await openGroup(row.key, null);
  }

  async function openGroup(key: string, seq: number | null): Promise<void> {
    state.open = { key, seq, lastSeq: -1 };
    document.body.classList.add('detail-open');
    list.render();
    await refreshOpen(true);
    $('detail-title')?.focus({ preventScroll: true });
  }

  /** Draws the open event again when it has new attempts (or when told), keeping the pane's scroll. */
  async function refreshOpen(force = false): Promise<void> {
    const open = state.open;
    if (!open) return;
    let g: GroupRow;
    try {
      g = await api<GroupRow>(`group?key=${encodeURIComponent(open.key)}`);
    } catch {
      if (force) ui.detail.replaceChildren(el('p', { class: 'muted' }, 'This event is no longer kept.'));
      return;
    }
    if (state.open !== open || (!force && g.lastSeq === open.lastSeq)) return;
    open.lastSeq = g.lastSeq;
    const seq = open.seq ?? g.recent[g.recent.length - 1]?.seq ?? 0;
    const d = await api<RecordedDelivery>(`deliveries/${seq}`).catch(() => null);
    if (state.open !== open) return;
    const scroll = ui.detail.scrollTop;
    detail.group(ui.detail, g, d, {
      selectedSeq: seq,
      pick: (s) => void openGroup(open.key, s),
      back: closeDetail,
      resend: state.available.resend ? (s) => extras.resendForm(s, state.resendMemory) : null,
    });
    ui.detail.scrollTop = force ? 0 : scroll;
  }

  function closeDetail(): void {
    state.open = null;
    document.body.classList.remove('detail-open');
    showOverview();
    list.render();
    ui.list.focus({ preventScroll: true });
  }

  function showOverview(): void {
    if (!state.stats) return;
    const filter = (name: FilterName, value: string) => filters.set(name, value);
    overview.render(
      ui.detail,
      state.stats,
      filter,
      state.profile ? extras.profilePanel(state.profile) : null,
    );
    const back = el('button', { type: 'button', class: 'btn back', id: 'back' }, '← Events');
    back.addEventListener('click', closeDetail);
    ui.detail.prepend(back);
  }

  async function loadProfile(): Promise<void> {
    state.profile = await extras.loadProfile();
    if (!state.open) showOverview();
  }

  function reset(): void {
    state.open = null;
    snapshot.forget();
    document.body.classList.remove('detail-open');
    list.setCursor(-1);
    void reload({ top: true });
  }

  function failed(error: unknown): void {
    ui.status.textContent = `inbox error: ${(error as Error).message}`;
    ui.status.className = 'status bad';
  }

  function onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, select, textarea');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      filters.search.focus();
      filters.search.select();
    } else if (event.key === 'Escape') {
      if (target === filters.search) ui.list.focus();
      else if (document.body.classList.contains('detail-open')) closeDetail();
    } else if (
      (event.key === 'ArrowDown' || event.key === 'ArrowUp') &&
      (!typing || target === filters.search)
    ) {
      event.preventDefault();
      ui.list.focus({ preventScroll: true });
      list.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && target === filters.search) {
      event.preventDefault();
      filters.searchNow();
      ui.list.focus();
    } else if (
      event.key === 'Enter' &&
      !typing &&
      !target.closest('button, a, summary') &&
      list.cursor >= 0
    ) {
      event.preventDefault();
      void openIndex(list.cursor);
    }
  }

  function connect(): void {
    const source = new EventSource('changes');
    source.addEventListener('open', () => {
      ui.status.textContent = 'live';
      ui.status.className = 'status live';
      liveReload();
    });
    source.addEventListener('error', () => {
      ui.status.textContent = 'reconnecting…';
      ui.status.className = 'status';
    });
    source.addEventListener('change', (e) =>
      onChange((JSON.parse((e as MessageEvent).data) as { seq: number }).seq),
    );
    source.addEventListener('clear', reset);
  }

  function wire(): void {
    document.addEventListener('keydown', onKey);
    ui.newer.addEventListener('click', () => void reload({ top: true }));
    $('clear').addEventListener(
      'click',
      () => void api('deliveries', { method: 'DELETE' }).then(reset, failed),
    );
    $('show-overview').addEventListener('click', () => {
      document.body.classList.add('detail-open');
      showOverview();
    });
  }

  wire();
  connect();
  void reload({ top: true });
  void extras.probe().then((available) => {
    state.available = available;
    ui.exportLink.hidden = !available.exportable;
    if (available.profile) void loadProfile();
    if (state.open) void refreshOpen(true);
  });
}
