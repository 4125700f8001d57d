/**
 * The inbox page's styles: two panes from 760 px up, one pane with a detail view below that;
 * light and dark from the system setting. System fonts only (no network).
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --row-h: 64px;
  --bg: #f4f6f8; --panel: #ffffff; --sunk: #eef1f4; --text: #1f2328; --muted: #5f6b77; --line: #d9dee4;
  --accent: #0969da; --accent-bg: #ddf4ff; --ok: #1a7f37; --ok-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --fault: #8250df; --fault-bg: #fbefff; --dup: #9a6700; --dup-bg: #fff8c5; --sel: #e7f1ff; --shadow: 0 1px 2px rgb(31 35 40 / .08);
  --chip-l: 38%; --chip-bg-l: 93%;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --panel: #151b23; --sunk: #0f141a; --text: #e6edf3; --muted: #9198a1; --line: #2f3742;
    --accent: #4493f8; --accent-bg: #10243e; --ok: #3fb950; --ok-bg: #10291a; --fail: #f85149; --fail-bg: #301518;
    --fault: #ab7df8; --fault-bg: #251a3a; --dup: #d29922; --dup-bg: #2b230f; --sel: #182a42; --shadow: none;
    --chip-l: 72%; --chip-bg-l: 18%;
  }
}
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; display: flex; flex-direction: column; overflow: hidden; }
button, input, select { font: inherit; color: inherit; }
[hidden] { display: none !important; }
kbd { font: 11px/1 var(--mono); padding: 2px 5px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; background: var(--panel); color: var(--muted); }
code { font-family: var(--mono); font-size: 12px; }
.muted { color: var(--muted); }

.top { display: flex; align-items: center; gap: 16px; padding: 10px 16px; background: var(--panel); border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.brand { display: flex; align-items: center; gap: 10px; min-width: 0; }
.logo { width: 22px; height: 22px; color: var(--accent); flex: none; }
.brand h1 { font-size: 16px; margin: 0; white-space: nowrap; letter-spacing: -.01em; }
.status { font-size: 12px; color: var(--muted); padding: 2px 8px; border-radius: 999px; background: var(--sunk); white-space: nowrap; }
.status.live { color: var(--ok); background: var(--ok-bg); }
.status.live::before { content: ""; display: inline-block; width: 7px; height: 7px; border-radius: 50%; background: currentColor; margin-right: 6px; vertical-align: 1px; animation: pulse 2s infinite; }
.status.bad { color: var(--fail); background: var(--fail-bg); white-space: normal; }
@keyframes pulse { 50% { opacity: .35; } }
@media (prefers-reduced-motion: reduce) { .status.live::before { animation: none; } }
.search { position: relative; flex: 1 1 280px; max-width: 560px; min-width: 0; }
.search input { width: 100%; padding: 7px 34px 7px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--sunk); outline: none; }
.search input:focus { border-color: var(--accent); background: var(--panel); box-shadow: 0 0 0 3px var(--accent-bg); }
.search .slash { position: absolute; right: 9px; top: 50%; transform: translateY(-50%); }
.actions { display: flex; gap: 8px; margin-left: auto; }
.btn { display: inline-flex; align-items: center; gap: 6px; padding: 6px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); cursor: pointer; text-decoration: none; font-size: 13px; white-space: nowrap; box-shadow: var(--shadow); }
.btn:hover { border-color: var(--muted); }
.btn.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.btn.small { padding: 3px 10px; font-size: 12px; }
.drops { margin: 0; padding: 6px 16px; font-size: 13px; color: var(--dup); background: var(--dup-bg); border-bottom: 1px solid var(--line); }

.panes { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(340px, 44%) 1fr; }
.list-pane { display: flex; flex-direction: column; min-height: 0; min-width: 0; border-right: 1px solid var(--line); background: var(--panel); position: relative; }
.filters { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; padding: 10px 12px 6px; }
.filters select { width: 100%; min-width: 0; padding: 5px 8px; border: 1px solid var(--line); border-radius: 7px; background: var(--sunk); font-size: 13px; }
.filters select:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
.list-head { display: flex; align-items: center; gap: 8px; padding: 4px 12px 8px; border-bottom: 1px solid var(--line); min-height: 34px; }
.count { color: var(--muted); font-size: 12px; flex: 1; min-width: 0; }
.pill { border: 0; border-radius: 999px; padding: 3px 10px; background: var(--accent); color: #fff; font-size: 12px; cursor: pointer; }
#show-overview { display: none; }
.list { flex: 1; min-height: 0; overflow-y: auto; overflow-x: hidden; position: relative; outline: none; }
.list:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
.spacer { position: relative; width: 100%; }
.empty { position: absolute; top: 130px; left: 0; right: 0; text-align: center; color: var(--muted); padding: 24px; margin: 0; }

.row { position: absolute; left: 0; right: 0; height: var(--row-h); padding: 9px 12px 9px 16px; border-bottom: 1px solid var(--line); cursor: pointer; display: flex; flex-direction: column; justify-content: center; gap: 5px; }
.row:hover { background: var(--sunk); }
.row.open { background: var(--sel); }
.row.cursor { box-shadow: inset 3px 0 0 var(--accent); }
.list:focus .row.cursor { box-shadow: inset 3px 0 0 var(--accent), inset 0 0 0 1px var(--accent); }
.stripe { position: absolute; left: 0; top: 10px; bottom: 10px; width: 4px; border-radius: 0 3px 3px 0; background: hsl(var(--h) 65% 50%); }
.r1, .r2 { display: flex; align-items: center; gap: 8px; min-width: 0; }
.sum { flex: 1; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 560; }
.r2 time { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; flex: none; }
.r2 .tags { margin-left: auto; display: flex; gap: 4px; flex: none; }
.row.loading .bar { display: block; height: 10px; width: 70%; border-radius: 5px; background: var(--sunk); }
.row.loading .bar.short { width: 35%; }

.tl { display: inline-flex; align-items: center; gap: 3px; min-width: 0; overflow: hidden; flex-wrap: nowrap; }
.att { font: 600 12px/1 var(--mono); padding: 3px 6px; border-radius: 5px; white-space: nowrap; }
.att.ok { color: var(--ok); background: var(--ok-bg); }
.att.fail { color: var(--fail); background: var(--fail-bg); }
.att.fault { color: var(--fault); background: var(--fault-bg); }
.att.sel { box-shadow: 0 0 0 2px var(--panel), 0 0 0 3.5px currentColor; }
.wait { font-size: 11px; color: var(--muted); white-space: nowrap; display: inline-flex; align-items: center; gap: 3px; }
.wait::before, .wait::after { content: ""; width: 6px; height: 1px; background: var(--line); }
.more { font-size: 11px; color: var(--muted); }
.tag { font-size: 11px; padding: 1px 7px; border-radius: 999px; white-space: nowrap; }
.tag.dup { color: var(--dup); background: var(--dup-bg); }
.tag.bad { color: var(--fail); background: var(--fail-bg); }
.chip { display: inline-block; font: 600 11.5px/1.2 var(--mono); padding: 3px 8px; border-radius: 6px; color: hsl(var(--h) 60% var(--chip-l)); background: hsl(var(--h) 70% var(--chip-bg-l)); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.chip.none { color: var(--muted); background: var(--sunk); }

.detail { min-height: 0; min-width: 0; overflow-y: auto; padding: 20px 24px 40px; }
.detail > * { max-width: 920px; }
.back { display: none; margin-bottom: 12px; }
.dhead { margin-bottom: 16px; }
.eyebrow { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; min-width: 0; }
.eid { color: var(--muted); overflow-wrap: anywhere; }
.dhead h2, .otitle, .welcome h2 { font-size: 19px; line-height: 1.3; margin: 10px 0 4px; letter-spacing: -.01em; overflow-wrap: anywhere; outline: none; }
.facts { margin: 0; color: var(--muted); }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 0 0 12px; box-shadow: var(--shadow); min-width: 0; }
.card h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 10px; }
.card > .tl { flex-wrap: wrap; row-gap: 6px; margin-bottom: 10px; overflow: visible; padding: 4px 4px 0; }
.attempts { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; max-height: 260px; overflow-y: auto; }
.attempt { width: 100%; display: flex; align-items: center; gap: 10px; padding: 5px 8px; border: 0; border-radius: 6px; background: none; cursor: pointer; text-align: left; font-size: 13px; }
.attempt:hover { background: var(--sunk); }
.attempt.sel { background: var(--sel); }
.attempt .num { font-family: var(--mono); font-size: 12px; color: var(--muted); }
.attempt .when { font-variant-numeric: tabular-nums; }
.attempt .gap { color: var(--muted); margin-left: auto; font-size: 12px; }
.said { margin: 0 0 6px; font-weight: 550; }
.meta { margin: 0; color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.ok-line { margin: 0; color: var(--ok); }
.errors { margin: 0; padding-left: 18px; color: var(--fail); }
.errors li { margin: 3px 0; overflow-wrap: anywhere; }
.path { font: 12px var(--mono); color: var(--fail); background: var(--fail-bg); border: 0; border-radius: 4px; padding: 1px 6px; cursor: pointer; }
.path:disabled { cursor: default; }
.json { font: 12.5px/1.55 var(--mono); background: var(--sunk); border-radius: 8px; padding: 10px 12px; max-height: 520px; overflow: auto; }
.jl { padding-left: calc(var(--d) * 2ch + 2ch); text-indent: -2ch; white-space: pre-wrap; overflow-wrap: anywhere; border-radius: 3px; }
.jk { color: hsl(212 70% var(--chip-l)); }
.js { color: hsl(140 50% var(--chip-l)); }
.jn, .jb { color: hsl(28 85% var(--chip-l)); }
.jz { color: var(--muted); font-style: italic; }
.jl.jerr { background: var(--fail-bg); box-shadow: inset 3px 0 0 var(--fail); }
.jl.flash { animation: flash 1.2s; }
@keyframes flash { 0%, 40% { background: var(--dup-bg); } }
.jmsg { display: inline-block; margin-left: 12px; text-indent: 0; color: var(--fail); font: 12px system-ui, sans-serif; }
.jmsg::before { content: "⟵ "; }
.raw { font: 12px/1.5 var(--mono); background: var(--sunk); border-radius: 8px; padding: 10px 12px; margin: 8px 0 0; max-height: 420px; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.headers { border-collapse: collapse; width: 100%; font: 12px/1.5 var(--mono); table-layout: fixed; }
.headers th { text-align: left; font-weight: 600; color: var(--muted); width: 34%; padding: 3px 10px 3px 0; vertical-align: top; overflow-wrap: anywhere; }
.headers td { padding: 3px 0; overflow-wrap: anywhere; }
.headers tr + tr > * { border-top: 1px solid var(--line); }

.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 10px; margin: 12px 0; }
.tile { display: flex; flex-direction: column; align-items: flex-start; gap: 2px; padding: 12px 14px; border: 1px solid var(--line); border-radius: 10px; background: var(--panel); box-shadow: var(--shadow); text-align: left; }
button.tile { cursor: pointer; }
button.tile:hover { border-color: var(--muted); }
.tile .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.1; }
.tile .l { font-size: 12px; color: var(--muted); }
.tile.fail .v { color: var(--fail); } .tile.dup .v { color: var(--dup); }
.bars { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.bars button { width: 100%; display: grid; grid-template-columns: minmax(0, 1.3fr) 64px minmax(0, 1fr); align-items: center; gap: 10px; padding: 4px 6px; border: 0; border-radius: 6px; background: none; cursor: pointer; text-align: left; }
.bars button:hover { background: var(--sunk); }
.bars .name { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: var(--mono); font-size: 12.5px; }
.bars .n { text-align: right; font-variant-numeric: tabular-nums; }
.track { height: 8px; border-radius: 4px; background: var(--sunk); overflow: hidden; }
.fill { display: block; height: 100%; border-radius: 4px; background: hsl(var(--h, 212) 65% 52%); }
.fill.ok { background: var(--ok); } .fill.fail { background: var(--fail); } .fill.fault { background: var(--fault); }
.warn { color: var(--dup); margin: 6px 0 0; }
#memory p { margin: 4px 0 0; }
.keys { color: var(--muted); font-size: 12px; margin-top: 16px; }
.welcome { padding: 48px 0 24px; }
.welcome p { color: var(--muted); max-width: 52ch; }
.resend { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.resend input { flex: 1 1 240px; min-width: 0; padding: 6px 10px; border: 1px solid var(--line); border-radius: 7px; background: var(--sunk); font-family: var(--mono); font-size: 12.5px; }
.resend-out { flex-basis: 100%; font-size: 13px; }
.resend-out.ok { color: var(--ok); } .resend-out.fail { color: var(--fail); }
.diffs { margin: 0 0 10px; padding-left: 18px; color: var(--dup); }
.facts-list { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 14px; margin: 0 0 10px; font-size: 13px; }
.facts-list dt { color: var(--muted); }
.facts-list dd { margin: 0; font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }

@media (max-width: 759px) {
  .top { gap: 8px 10px; padding: 8px 12px; }
  .search { order: 3; flex-basis: 100%; max-width: none; }
  .search .slash { display: none; }
  .panes { grid-template-columns: minmax(0, 1fr); }
  .list-pane { border-right: 0; }
  .detail { display: none; padding: 14px 14px 32px; }
  body.detail-open .list-pane { display: none; }
  body.detail-open .detail { display: block; }
  .back { display: inline-flex; }
  #show-overview { display: inline-flex; }
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .bars button { grid-template-columns: minmax(0, 1fr) 40px 64px; }
  .keys { display: none; }
  :root { --row-h: 84px; }
  .sum { white-space: normal; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; line-height: 1.3; }
}
`;
