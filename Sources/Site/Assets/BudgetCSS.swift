/// Budget pages: the preset selector, badges, the capacity table's inline bars and the API tables.
let budgetCSS = #"""
.budget-presets ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; margin: .75rem 0; }
.budget-presets a { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem; padding: .5rem .75rem;
  border: 1px solid var(--border); border-radius: 8px; background: var(--surface); color: var(--text); font-weight: 600; height: 100%; }
.budget-presets a:hover { border-color: var(--accent); }
.budget-presets a[aria-current="page"] { border: 2px solid var(--accent); padding: calc(.5rem - 1px) calc(.75rem - 1px); }
.budget-presets .preset-cost { flex-basis: 100%; color: var(--muted); font-weight: 400; font-size: .875rem;
  font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .4rem; border: 1px solid var(--border); border-radius: 999px;
  font-size: .75rem; font-weight: 600; line-height: 1.5; color: var(--muted); background: var(--bg); white-space: nowrap; }
.unranked-badge { margin-left: .4rem; }
.budget-selected { margin: .5rem 0 .75rem; }
.budget-tabs ul { gap: .25rem 1.25rem; margin-bottom: .75rem; }
.budget-table th, .budget-table td { padding-left: .6rem; padding-right: .6rem; }
.budget-table .model { white-space: nowrap; }
.budget-table tbody th .muted { display: block; font-weight: 400; font-size: .8125rem; }
.budget-table tbody th.model { position: sticky; left: 0; background: var(--surface); }
.budget-table tr.no-fit td, .budget-table tr.no-fit th { color: var(--muted); }
.budget-table tr.unranked .model a { font-style: italic; }
.budget-table .fit-yes { font-weight: 600; }
.budget-table .fit-no { white-space: nowrap; }
.budget-table td.rate { min-width: 8.5rem; white-space: nowrap; }
.budget-table .rate-value { display: inline-block; min-width: 3.5rem; text-align: right; font-variant-numeric: tabular-nums;
  margin-right: .5rem; }
.budget-table .bar { display: inline-block; vertical-align: middle; width: 5rem; height: .625rem; border-radius: 3px;
  background: var(--border); overflow: hidden; }
.budget-table .bar-fill { display: block; height: 100%; background: var(--accent); }
.budget-table tr.unranked .bar-fill { background: var(--silver); }
.budget-table tr.self-hosting th, .budget-table tr.self-hosting td { border-top: 2px solid var(--border); }
.api-rates tbody th, .api-monthly tbody th { min-width: 9.5rem; }
.budget-note { color: var(--muted); font-size: .9rem; }
.budget-box { font-size: 1.0625rem; }
.budget-api .table-scroll { margin-bottom: .75rem; }
.budget-served { padding-left: 1.25rem; }
@media (max-width: 480px) {
  .budget-presets ul { grid-template-columns: 1fr 1fr; }
  .budget-presets a { padding: .4rem .5rem; font-size: .875rem; }
  .budget-table .bar { width: 3.5rem; }
  .unranked-badge { display: block; width: fit-content; margin: .125rem 0 0; }
  .budget-table td.rate { min-width: 7rem; }
}

"""#
