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
    /// Shown under the empty message when there is no chart (e.g. a single price change: the table, not a lone dot).
    var tableWithoutChart = false
    /// Replaces the chart, notes and table when set: a section whose chart follows a chosen model.
    var choice: TrendChoice?

    func render() -> Node<HTML.BodyContext> {
        .section(
            escapedAttribute("id", id),
            escapedAttribute("class", "trend"),
            escapedAttribute("aria-labelledby", "\(id)-h"),
            .h2(escapedAttribute("id", "\(id)-h"), .text(title)),
            .unwrap(chart, { chart in
                .group(
                    .p(escapedAttribute("class", "lede"), .text(description)),
                    .unwrap(choice, { $0.render(id: id) }, else: .group(
                        chart.render(),
                        .forEach(notes) { .p(escapedAttribute("class", "chart-note"), $0) },
                        .unwrap(table) { $0.render() }
                    ))
                )
            }, else: .group(
                .p(escapedAttribute("class", "empty"), .text(emptyMessage)),
                .if(tableWithoutChart, .group(.forEach(notes) { .p(escapedAttribute("class", "chart-note"), $0) },
                                              .unwrap(table) { $0.render() }))
            ))
        )
    }
}

/// A chart that follows one of several models: the first option is in the page; every option, the first
/// included, is a `<template>` that `assets/site.js` swaps in when the visitor picks it from the select
/// (hidden without JavaScript, so the page never shows a control that does nothing).
struct TrendChoice {
    /// The select's label, e.g. `Model`.
    var label: String
    /// Each option's value, label and content (chart, notes, table).
    var options: [(value: String, label: String, content: Node<HTML.BodyContext>)]

    func render(id: String) -> Node<HTML.BodyContext> {
        let target = "\(id)-choice"
        return .group(
            .if(options.count > 1, scriptSelect(id: "\(id)-select", label: label, data: ("variant-choice", target),
                                                options: options.map { ($0.value, $0.label) })),
            .div(escapedAttribute("id", target), .unwrap(options.first) { $0.content }),
            .if(options.count > 1, .forEach(options) { option in
                .element(named: "template", nodes: [
                    escapedAttribute("data-variant-of", target), escapedAttribute("data-variant", option.value), option.content,
                ])
            })
        )
    }
}
