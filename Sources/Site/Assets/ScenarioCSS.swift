/// The Advanced Settings form and its region, and the Methodology page's formulas.
let scenarioCSS = #"""
.scenario-form fieldset { border: 1px solid var(--border); border-radius: 8px; padding: .5rem .75rem; margin: 0 0 1rem;
  display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.scenario-form legend { font-weight: 600; padding: 0 .25rem; }
.scenario-form label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.scenario-form select { font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--border);
  border-radius: 6px; padding: .25rem .4rem; min-height: 2.25rem; }
.scenario-status:empty { display: none; }
.scenario-summary { color: var(--muted); font-size: .9rem; }
.scenario-region[aria-busy="true"] { opacity: .6; }
.toc ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; font-size: .9rem; }
.formula pre { background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: .6rem .75rem;
  overflow-x: auto; font-size: .85rem; line-height: 1.45; }
.coverage th.group { text-transform: uppercase; font-size: .75rem; letter-spacing: .04em; color: var(--muted); background: var(--surface); }
.coverage td.missing { color: var(--muted); }
.formula .sources { color: var(--muted); font-size: .85rem; }

"""#
