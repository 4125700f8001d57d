/**
 * Browser code (inlined in the page, see kit.ts): a payload pretty-printed line by line,
 * each line knowing its JSON path (`$.details.source.as_number`, the validator's notation), so
 * a validation error is shown on the field it is about, or on the nearest enclosing object
 * when the field is missing.
 */
import type { PageKit } from './kit.js';

export function jsonView(kit: PageKit) {
  const { el } = kit;
  /** Bigger bodies are shown as text: a tree of 100,000 lines would slow the page for nothing. */
  const MAX_TREE_CHARS = 200_000;

  function segment(key: string | number): string {
    const k = String(key);
    if (/^\d+$/.test(k)) return `[${k}]`;
    return /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  }

  /** The path and each of its ancestors, nearest first, down to `$`. */
  function lineage(path: string): string[] {
    const parts = path.match(/\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g) ?? [];
    const out: string[] = [];
    for (let n = parts.length; n >= 0; n--) out.push(`$${parts.slice(0, n).join('')}`);
    return out;
  }

  function scalar(value: unknown): HTMLElement {
    if (typeof value === 'string') return el('span', { class: 'js' }, JSON.stringify(value));
    if (typeof value === 'number') return el('span', { class: 'jn' }, String(value));
    if (typeof value === 'boolean') return el('span', { class: 'jb' }, String(value));
    if (value === null) return el('span', { class: 'jz' }, 'null');
    return el('span', null, Array.isArray(value) ? '[]' : '{}');
  }

  function render(value: unknown, errors: { path: string; message: string }[]) {
    const lines = el('div', { class: 'json', role: 'group', 'aria-label': 'Payload' });
    const byPath = new Map<string, HTMLElement>();
    const line = (depth: number, path: string | null, ...parts: (Node | string)[]) => {
      const node = el('div', { class: 'jl', 'data-path': path ?? undefined }, ...parts);
      node.style.setProperty('--d', String(depth));
      lines.append(node);
      if (path !== null && !byPath.has(path)) byPath.set(path, node);
      return node;
    };
    const walk = (v: unknown, path: string, depth: number, key: string | null, comma: boolean) => {
      const label = key === null ? [] : [el('span', { class: 'jk' }, JSON.stringify(key)), ': '];
      const entries: [string | number, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : v !== null && typeof v === 'object'
          ? Object.entries(v)
          : [];
      if (entries.length === 0) {
        line(depth, path, ...label, scalar(v), comma ? ',' : '');
        return;
      }
      const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
      line(depth, path, ...label, open);
      entries.forEach(([k, x], i) => {
        walk(x, path + segment(k), depth + 1, Array.isArray(v) ? null : String(k), i < entries.length - 1);
      });
      line(depth, null, close + (comma ? ',' : ''));
    };
    walk(value, '$', 0, null, false);
    const marks = new Map<string, HTMLElement>();
    for (const error of errors) {
      const at = lineage(error.path).find((p) => byPath.has(p)) ?? '$';
      const target = byPath.get(at);
      if (!target) continue;
      target.classList.add('jerr');
      target.append(
        el('span', { class: 'jmsg' }, `${at === error.path ? '' : `${error.path}: `}${error.message}`),
      );
      marks.set(error.path, target);
    }
    return { node: lines, marks };
  }

  /** The payload as a tree when it parsed and is not huge, else the body as text. */
  function view(body: string, payload: unknown, errors: { path: string; message: string }[]) {
    if (payload === undefined || body.length > MAX_TREE_CHARS) {
      return {
        node: el('pre', { class: 'raw' }, body === '' ? '(empty body)' : body),
        marks: new Map<string, HTMLElement>(),
      };
    }
    return render(payload, errors);
  }

  return { view, lineage };
}

export type JsonView = ReturnType<typeof jsonView>;
