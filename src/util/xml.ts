/**
 * Escapes text for XML and HTML content and attribute values (both quote characters), dropping
 * characters XML 1.0 forbids, so a report can carry any receiver's answer.
 *
 * @example escapeXml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
