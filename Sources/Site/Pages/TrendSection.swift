import Plot

/// One chart of the Trends page: heading, description, the chart (or the empty message), notes and the data table.
struct TrendSection {
    /// The section's id (link target); the chart's SVG id derives from it.
    var id: String
    /// The short name in the page's chart list (the reference's tab label).
    var tab: String
    /// The heading (the reference's chart title).
    var title: String
    /// What the chart shows.
    var description: String
    /// The chart, or `nil` when its series is empty.
    var chart: SVGChart?
    /// The data table under the chart.
    var table: ChartDataTable?
    /// Shown instead of the chart when it is `nil`.
    var emptyMessage: String
    /// Sentences under the chart (settings used, which prices, reference lines).
    var notes: [Node<HTML.BodyContext>] = []

    func render() -> Node<HTML.BodyContext> {
        .section(
            escapedAttribute("id", id),
            escapedAttribute("class", "trend"),
            escapedAttribute("aria-labelledby", "\(id)-h"),
            .h2(escapedAttribute("id", "\(id)-h"), .text(title)),
            .unwrap(chart, { chart in
                .group(
                    .p(escapedAttribute("class", "lede"), .text(description)),
                    chart.render(),
                    .forEach(notes) { .p(escapedAttribute("class", "chart-note"), $0) },
                    .unwrap(table) { $0.render() }
                )
            }, else: .p(escapedAttribute("class", "empty"), .text(emptyMessage)))
        )
    }
}
