/**
 * Browser code of the inbox page: small helpers every part of the page uses. Like every file
 * in this folder, it is a factory function that the page inlines (scripts/generate-page-script.ts
 * compiles them into ../script.generated.ts): it may use only its own scope and its parameters
 * (an import other than of types would not exist in the browser), and values reach the DOM only
 * as text, never as HTML. The folder is type-checked on its own (tsconfig.json here, with the
 * DOM), so the receiver's node code never sees the browser's globals.
 */
export function pageKit() {
  type Child = Node | string | null | undefined | false;
  type Attrs = Record<string, string | number | boolean | undefined | null>;

  /** Creates an element; attributes set as attributes (`class`, `data-*`, `aria-*`), children as text. */
  function el(tag: string, attrs: Attrs | null = null, ...children: Child[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs ?? {})) {
      if (value === undefined || value === null || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);
    }
    return node;
  }

  function count(n: number): string {
    return n.toLocaleString('en-US');
  }

  function plural(n: number, noun: string, nouns = `${noun}s`): string {
    return `${count(n)} ${n === 1 ? noun : nouns}`;
  }

  /** A wait between attempts: 850 ms, 1.2 s, 12 s, 2 min, 3 h. */
  function wait(ms: number): string {
    if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
    if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 90_000) return `${Math.round(ms / 1000)} s`;
    if (ms < 90 * 60_000) return `${Math.round(ms / 60_000)} min`;
    return `${Math.round(ms / 3_600_000)} h`;
  }

  /** Local time of day, with milliseconds when asked (attempts a few ms apart). */
  function time(iso: string, withMs = false): string {
    const d = new Date(iso);
    const hms = [d.getHours(), d.getMinutes(), d.getSeconds()]
      .map((x) => String(x).padStart(2, '0'))
      .join(':');
    return withMs ? `${hms}.${String(d.getMilliseconds()).padStart(3, '0')}` : hms;
  }

  function bytes(n: number): string {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  }

  /** A stable hue for an event type, so each type keeps its colour across reloads. */
  function hue(type: string | null): number {
    if (!type) return 0;
    let h = 7;
    for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) % 3607;
    return h % 360;
  }

  /** A chip naming an event type, in its colour. */
  function typeChip(type: string | null): HTMLElement {
    const chip = el('span', { class: type ? 'chip' : 'chip none' }, type ?? 'not an event');
    chip.style.setProperty('--h', String(hue(type)));
    return chip;
  }

  /** Fetches JSON from the inbox; rejects with the inbox's one-line error when it answers one. */
  async function api<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await fetch(path, { cache: 'no-store', ...init });
    const data = (await res.json().catch(() => ({}))) as T & { error?: string };
    if (!res.ok) throw Object.assign(new Error(data.error ?? `HTTP ${res.status}`), { status: res.status });
    return data;
  }

  /** Calls `fn` at most once per `ms`, the last call winning (trailing edge). */
  function throttle(fn: () => void, ms: number): () => void {
    let timer: number | null = null;
    let last = 0;
    return () => {
      if (timer !== null) return;
      const due = Math.max(0, last + ms - Date.now());
      timer = window.setTimeout(() => {
        timer = null;
        last = Date.now();
        fn();
      }, due);
    };
  }

  return { el, count, plural, wait, time, bytes, hue, typeChip, api, throttle };
}

export type PageKit = ReturnType<typeof pageKit>;
