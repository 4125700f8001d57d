/**
 * Browser code (inlined in the page, see kit.ts): the filter bar and the search box. The
 * type and answer menus list what the inbox holds, each with its count; a filter whose value
 * no longer occurs stays chosen (with 0) rather than vanish under the reader.
 */
import type { InboxStats } from '../../inbox-index.js';
import type { PageKit } from './kit.js';

export type FilterName = 'type' | 'validity' | 'answer' | 'duplicates';

export function filterBar(kit: PageKit) {
  const { el, count } = kit;
  const NAMES: FilterName[] = ['type', 'validity', 'answer', 'duplicates'];
  /** Typing waits this long for a pause before it searches. */
  const TYPING_PAUSE_MS = 250;

  function createFilters(changed: () => void) {
    const values: Record<FilterName | 'q', string> = {
      type: '',
      validity: '',
      answer: '',
      duplicates: '',
      q: '',
    };
    const selects = Object.fromEntries(
      NAMES.map((name) => [name, document.getElementById(`f-${name}`) as HTMLSelectElement]),
    ) as Record<FilterName, HTMLSelectElement>;
    const search = document.getElementById('q') as HTMLInputElement;

    function set(name: FilterName | 'q', value: string): void {
      values[name] = value;
      if (name === 'q') search.value = value;
      else selects[name].value = value;
      changed();
    }

    function fill(name: FilterName, all: string, options: [string, string, number | null][]): void {
      const current = values[name];
      if (current && !options.some(([v]) => v === current)) options.push([current, current, 0]);
      selects[name].replaceChildren(
        el('option', { value: '' }, all),
        ...options.map(([value, label, n]) =>
          el('option', { value }, n === null ? label : `${label} (${count(n)})`),
        ),
      );
      selects[name].value = current;
    }

    for (const name of NAMES) selects[name].addEventListener('change', () => set(name, selects[name].value));
    let typing = 0;
    search.addEventListener('input', () => {
      clearTimeout(typing);
      typing = window.setTimeout(() => set('q', search.value.trim()), TYPING_PAUSE_MS);
    });

    return {
      values,
      set,
      search,
      /** Searches now (Enter), without waiting for a pause in typing. */
      searchNow(): void {
        clearTimeout(typing);
        set('q', search.value.trim());
      },
      any(): boolean {
        return Object.values(values).some(Boolean);
      },
      /** The menus, with what the inbox holds now. */
      update(s: InboxStats): void {
        fill(
          'type',
          'All types',
          s.types.map((t) => [t.type, t.type === '(none)' ? 'not an event' : t.type, t.count]),
        );
        fill('answer', 'Any answer', [
          ['not-200', 'not 200', null],
          ...s.answers.map((a): [string, string, number] => [a.answer, a.answer, a.count]),
        ]);
      },
    };
  }

  return { createFilters };
}

export type FilterBar = ReturnType<typeof filterBar>;
