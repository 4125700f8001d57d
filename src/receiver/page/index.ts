/**
 * The live inbox page served at `/_cswm/`: one self-contained document (no request leaves the
 * receiver's origin; the CSP allows inline script and style only). The browser code lives in
 * browser/ as factory functions, type-checked on their own with the DOM, and is inlined here
 * compiled (script.generated.ts): each gets what it uses as parameters, so no import has to
 * exist in the page.
 */
import { MARKUP } from './markup.js';
import { PAGE_FACTORIES } from './script.generated.js';
import { STYLE } from './style.js';

/** The page's script: the factories, then one call that wires them together. */
export const INBOX_SCRIPT = `'use strict';
${PAGE_FACTORIES}
{
  const kit = pageKit();
  const detail = detailView(kit, jsonView(kit));
  inboxApp(kit, listView(kit), detail, overviewView(kit), extrasView(kit), snapshotStore(kit), filterBar(kit));
}
`;

if (/<\/script|<!--/i.test(INBOX_SCRIPT)) {
  // Inline script text ends at the first "</script": a source that wrote one would cut the page.
  throw new Error('the inbox script must not contain "</script" or "<!--"');
}

export const INBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>cswm inbox</title>
<style>${STYLE}</style>
</head>
<body>
${MARKUP}
<script>
${INBOX_SCRIPT}
</script>
</body>
</html>
`;
