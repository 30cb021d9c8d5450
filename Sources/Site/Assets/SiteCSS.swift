/// The site's stylesheet, written to `assets/site.css`.
///
/// System font stack, no web fonts and no external URLs; light and dark themes follow
/// `prefers-color-scheme`; tables scroll horizontally inside their container on narrow screens.
public let siteCSS = baseCSS + scenarioCSS + chartCSS + budgetCSS

/// Page shell, tables and navigation.
let baseCSS = #"""
:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --surface: #f5f6f8;
  --text: #1b1f24;
  --muted: #5b6470;
  --border: #d9dde3;
  --accent: #1f6feb;
  --accent-text: #0b4fb3;
  --gold: #b58500;
  --silver: #6e7781;
  --bronze: #a0522d;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --surface: #161b22;
    --text: #e6edf3;
    --muted: #9aa4af;
    --border: #30363d;
    --accent: #58a6ff;
    --accent-text: #79b8ff;
    --gold: #e3b341;
    --silver: #b1bac4;
    --bronze: #d18b5c;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font-size: 1rem; }
a { color: var(--accent-text); }
a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.875em; }
.command-block { position: relative; }
pre.command { overflow-x: auto; padding: 0.75rem 1rem; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); line-height: 1.45; }
button.copy { position: absolute; right: 0.5rem; top: 0.5rem; font: inherit; font-size: 0.8125rem; padding: 0.125rem 0.625rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); cursor: pointer; }
.recipe-files li { margin: 0.25rem 0; }
.skip-link { position: absolute; left: -9999px; top: 0; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; background: var(--bg); padding: 0.25rem 0.5rem; z-index: 10; }
.site-header, main, .site-footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.site-header { padding-top: 1rem; padding-bottom: 0.5rem; border-bottom: 1px solid var(--border); }
.site-name { margin: 0; font-size: 1.375rem; font-weight: 700; }
.site-name a { color: var(--text); text-decoration: none; }
.tagline { margin: 0.25rem 0 0.75rem; color: var(--muted); font-size: 0.9375rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
nav a { display: inline-block; padding: 0.25rem 0; text-decoration: none; color: var(--muted); font-weight: 600; }
nav a:hover { color: var(--text); }
nav a[aria-current="page"] { color: var(--text); border-bottom: 2px solid var(--accent); }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
.muted, .lede { color: var(--muted); }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
.table-scroll + .table-scroll { margin-top: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
caption { caption-side: top; text-align: left; padding: 0.625rem 0.75rem; font-weight: 600; }
th, td { padding: 0.5rem 0.75rem; border-top: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-size: 0.8125rem; font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.leaderboard tbody th.model { position: sticky; left: 0; background: var(--surface); }
.leaderboard tbody tr:nth-child(1) .rank { color: var(--gold); font-weight: 700; }
.leaderboard tbody tr:nth-child(2) .rank { color: var(--silver); font-weight: 700; }
.leaderboard tbody tr:nth-child(3) .rank { color: var(--bronze); font-weight: 700; }
.constants td:nth-child(2) { white-space: nowrap; font-variant-numeric: tabular-nums; }
dt { font-weight: 600; margin-top: 0.75rem; }
dd { margin: 0.125rem 0 0 1rem; }
dd small { display: block; color: var(--muted); margin-top: 0.125rem; }
.empty { padding: 1rem; border: 1px dashed var(--border); border-radius: 8px; color: var(--muted); }
.site-footer { border-top: 1px solid var(--border); padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.875rem; }
@media (max-width: 480px) {
  .site-header, main, .site-footer { padding-left: 0.75rem; padding-right: 0.75rem; }
  table { font-size: 0.875rem; }
  th, td { padding: 0.4rem 0.5rem; }
  .table-scroll table { min-width: 32rem; }
}
"""#
