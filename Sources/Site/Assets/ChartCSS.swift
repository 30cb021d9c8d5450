/// Inline SVG charts (Trends, Budget): palette and named hues per theme, axes, series, legend and data tables.
///
/// Series colours are custom properties (`--chart-1` … `--chart-6`, `--chart-muted`, and the named hues
/// `--chart-amber`, `--chart-blue`, `--chart-violet`, `--chart-green`) set for the light
/// theme and overridden under `prefers-color-scheme: dark`; the SVG only carries class names.
let chartCSS = #"""
:root {
  --chart-1: #c2410c;
  --chart-2: #0f766e;
  --chart-3: #1d4ed8;
  --chart-4: #a16207;
  --chart-5: #7e22ce;
  --chart-6: #be185d;
  --chart-muted: #8b949e;
  --chart-amber: #b45309;
  --chart-blue: #2563eb;
  --chart-violet: #7c3aed;
  --chart-green: #15803d;
}
@media (prefers-color-scheme: dark) {
  :root {
    --chart-1: #fb923c;
    --chart-2: #2dd4bf;
    --chart-3: #60a5fa;
    --chart-4: #facc15;
    --chart-5: #c084fc;
    --chart-6: #f472b6;
    --chart-muted: #8b949e;
    --chart-amber: #fbbf24;
    --chart-blue: #60a5fa;
    --chart-violet: #a78bfa;
    --chart-green: #4ade80;
  }
}
.trend { margin: 0 0 2.5rem; }
.trend > p { margin: 0.25rem 0 0.75rem; }
.chart { margin: 0; }
.chart-frame { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
.chart-svg { display: block; width: 100%; max-width: 58rem; min-width: 34rem; height: auto; margin: 0 auto; }
.chart-svg text { font-family: inherit; fill: var(--muted); font-size: 12px; }
.chart-svg .chart-axis-title { font-size: 13px; font-weight: 600; }
.chart-svg .chart-point-label { fill: var(--text); font-size: 11px; }
.chart-svg .chart-ref-label { font-size: 11px; }
.chart-axis-line, .chart-tick { stroke: var(--muted); stroke-width: 1; }
.chart-gridline { stroke: var(--border); stroke-width: 1; }
.chart-ref-line { stroke: var(--muted); stroke-width: 1.25; stroke-dasharray: 6 4; }
.chart-ref-line.chart-ref-fine { stroke-width: 1; stroke-dasharray: 2 3; }
.chart-line { fill: none; stroke-width: 2.25; stroke-linejoin: round; stroke-linecap: round; }
.chart-dashed { stroke-dasharray: 7 5; }
.chart-dot { stroke: var(--surface); stroke-width: 1; }
.chart-series.c1 .chart-line { stroke: var(--chart-1); }
.chart-series.c1 .chart-dot { fill: var(--chart-1); }
.chart-series.c2 .chart-line { stroke: var(--chart-2); }
.chart-series.c2 .chart-dot { fill: var(--chart-2); }
.chart-series.c3 .chart-line { stroke: var(--chart-3); }
.chart-series.c3 .chart-dot { fill: var(--chart-3); }
.chart-series.c4 .chart-line { stroke: var(--chart-4); }
.chart-series.c4 .chart-dot { fill: var(--chart-4); }
.chart-series.c5 .chart-line { stroke: var(--chart-5); }
.chart-series.c5 .chart-dot { fill: var(--chart-5); }
.chart-series.c6 .chart-line { stroke: var(--chart-6); }
.chart-series.c6 .chart-dot { fill: var(--chart-6); }
.chart-series.muted .chart-line { stroke: var(--chart-muted); }
.chart-series.muted .chart-dot { fill: var(--chart-muted); fill-opacity: 0.6; }
.chart-series.c1 .chart-hollow { stroke: var(--chart-1); }
.chart-series.c2 .chart-hollow { stroke: var(--chart-2); }
.chart-series.c3 .chart-hollow { stroke: var(--chart-3); }
.chart-series.c4 .chart-hollow { stroke: var(--chart-4); }
.chart-series.c5 .chart-hollow { stroke: var(--chart-5); }
.chart-series.c6 .chart-hollow { stroke: var(--chart-6); }
.chart-series.amber .chart-line { stroke: var(--chart-amber); }
.chart-series.amber .chart-dot { fill: var(--chart-amber); }
.chart-series.amber .chart-hollow { stroke: var(--chart-amber); }
.chart-series.blue .chart-line { stroke: var(--chart-blue); }
.chart-series.blue .chart-dot { fill: var(--chart-blue); }
.chart-series.blue .chart-hollow { stroke: var(--chart-blue); }
.chart-series.violet .chart-line { stroke: var(--chart-violet); }
.chart-series.violet .chart-dot { fill: var(--chart-violet); }
.chart-series.violet .chart-hollow { stroke: var(--chart-violet); }
.chart-series.green .chart-line { stroke: var(--chart-green); }
.chart-series.green .chart-dot { fill: var(--chart-green); }
.chart-series.green .chart-hollow { stroke: var(--chart-green); }
.chart-series .chart-dot.chart-hollow { fill: var(--surface); stroke-width: 2; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0.5rem 0 0; padding: 0; font-size: 0.875rem; color: var(--muted); }
.chart-legend li { display: flex; align-items: center; gap: 0.4rem; }
.chart-key { display: inline-block; width: 1.25rem; height: 0; border-top: 3px solid var(--chart-muted); }
.chart-key-dashed { border-top-style: dashed; }
.chart-key-dot, .chart-key-hollow { width: 0.7rem; height: 0.7rem; border: 2px solid var(--chart-muted); border-radius: 50%; background: var(--chart-muted); }
.chart-key-hollow { background: transparent; }
.chart-key.c1 { border-color: var(--chart-1); } .chart-key-dot.c1 { background: var(--chart-1); }
.chart-key.c2 { border-color: var(--chart-2); } .chart-key-dot.c2 { background: var(--chart-2); }
.chart-key.c3 { border-color: var(--chart-3); } .chart-key-dot.c3 { background: var(--chart-3); }
.chart-key.c4 { border-color: var(--chart-4); } .chart-key-dot.c4 { background: var(--chart-4); }
.chart-key.c5 { border-color: var(--chart-5); } .chart-key-dot.c5 { background: var(--chart-5); }
.chart-key.c6 { border-color: var(--chart-6); } .chart-key-dot.c6 { background: var(--chart-6); }
.chart-key.amber { border-color: var(--chart-amber); } .chart-key-dot.amber { background: var(--chart-amber); }
.chart-key.blue { border-color: var(--chart-blue); } .chart-key-dot.blue { background: var(--chart-blue); }
.chart-key.violet { border-color: var(--chart-violet); } .chart-key-dot.violet { background: var(--chart-violet); }
.chart-key.green { border-color: var(--chart-green); } .chart-key-dot.green { background: var(--chart-green); }
.chart-key-dot.muted { opacity: 0.6; }
.chart-data { margin-top: 0.5rem; }
.chart-data summary { cursor: pointer; color: var(--accent-text); font-size: 0.875rem; }
.chart-data .table-scroll { margin-top: 0.5rem; }
.chart-note { color: var(--muted); font-size: 0.875rem; }
@media (max-width: 480px) {
  .chart-svg text { font-size: 16px; }
  .chart-svg .chart-point-label, .chart-svg .chart-ref-label { font-size: 14px; }
}

"""#
