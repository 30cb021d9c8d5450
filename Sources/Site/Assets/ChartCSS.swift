/// Inline SVG charts (Trends). Owned by the Trends page work.
let chartCSS = ""
