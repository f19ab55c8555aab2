import { ASSET_PATHS } from '../asset-paths.js';

// Mobile first: one column at 360 px, cards in a grid from 720 px. The bundled Noto Sans Devanagari
// draws Hindi, Latin, digits and ₹ alike, so both languages look the same on any phone.

export const DASHBOARD_CSS = `
@font-face { font-family: 'Noto Sans Devanagari'; font-weight: 400; font-display: swap;
  src: url('${ASSET_PATHS.fontRegular}') format('truetype'); }
@font-face { font-family: 'Noto Sans Devanagari'; font-weight: 700; font-display: swap;
  src: url('${ASSET_PATHS.fontBold}') format('truetype'); }
:root { --ink: #1d2433; --muted: #5b6474; --line: #e3e6ec; --bg: #f6f7f9; --card: #fff;
  --brand: #2f7d5b; --up: #2f7d5b; --down: #c92a2a; --warn: #e08a1e; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 'Noto Sans Devanagari', system-ui, sans-serif, 'Apple Color Emoji',
  'Segoe UI Emoji', 'Noto Color Emoji'; color: var(--ink); background: var(--bg); }
a { color: var(--brand); }
.top { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 14px;
  background: var(--brand); color: #fff; }
.top a, .top .link { color: #fff; }
.brand { font-weight: 700; font-size: 17px; text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.top-actions { display: flex; align-items: center; gap: 14px; flex-shrink: 0; }
.top-actions form { margin: 0; }
.link { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; }
.tabs { display: flex; gap: 4px; overflow-x: auto; padding: 6px 8px; background: var(--card);
  border-bottom: 1px solid var(--line); scrollbar-width: none; }
.tabs a { flex: 0 0 auto; padding: 6px 12px; border-radius: 16px; text-decoration: none; color: var(--muted); }
.tabs a[aria-current=page] { background: var(--brand); color: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 12px; }
h1 { font-size: 21px; margin: 6px 0 12px; }
h2 { font-size: 17px; margin: 18px 0 8px; }
.cards { display: grid; grid-template-columns: 1fr; gap: 10px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; min-width: 0; }
.card h2, .card h3 { margin: 0 0 6px; font-size: 15px; color: var(--muted); font-weight: 400; }
.figure { font-size: 24px; font-weight: 700; }
.sub { color: var(--muted); font-size: 13px; }
.up { color: var(--up); } .down { color: var(--down); } .warn { color: var(--warn); }
.row { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
.chart { width: 100%; height: 300px; }
table { width: 100%; border-collapse: collapse; background: var(--card); font-size: 14px; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 400; font-size: 13px; }
td.num, th.num { text-align: right; white-space: nowrap; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { padding: 8px 0; border-bottom: 1px solid var(--line); }
form.stack { display: grid; gap: 10px; max-width: 420px; }
input, button.primary { font: inherit; padding: 10px 12px; border-radius: 8px; border: 1px solid #c5cad3; }
button.primary, a.primary { background: var(--brand); color: #fff; border: 1px solid var(--brand); cursor: pointer; }
a.primary { display: inline-block; padding: 10px 12px; border-radius: 8px; text-decoration: none; }
td.date { white-space: nowrap; }
.notice { padding: 10px 12px; border-radius: 8px; background: #eef7f2; border: 1px solid #cde8da; }
.error { padding: 10px 12px; border-radius: 8px; background: #fdeeee; border: 1px solid #f3c5c5; }
progress { width: 100%; height: 14px; }
.chat-log { height: 55vh; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; padding: 10px;
  background: #e9efe8; border-radius: 10px; }
.bubble { max-width: 85%; padding: 7px 10px; border-radius: 10px; white-space: pre-wrap; word-wrap: break-word; }
.bubble.in { align-self: flex-end; background: #d8f5c9; }
.bubble.out { align-self: flex-start; background: #fff; }
.chat-form { display: flex; gap: 6px; margin-top: 8px; }
.chat-form input { flex: 1; min-width: 0; }
.hide-narrow { display: none; }
@media (min-width: 720px) {
  main { padding: 18px 24px; }
  .cards { grid-template-columns: repeat(3, 1fr); }
  .cards.two { grid-template-columns: repeat(2, 1fr); }
  .chart { height: 360px; }
  .hide-narrow { display: table-cell; }
}
`;
