/**
 * Cutting text for messages and reports: a long value shown in an error, an answer's body in
 * evidence. One rule everywhere: at most `maxChars` characters of the text, then `…`.
 *
 * @example truncate('a'.repeat(50), 40) // 40 × 'a' then '…'
 */
export function truncate(text: string, maxChars: number): string {
  const s = String(text);
  return s.length > maxChars ? `${s.slice(0, maxChars)}…` : s;
}
