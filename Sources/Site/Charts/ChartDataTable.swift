import Plot

/// The data behind a chart as a real table (for screen readers and for reading exact values),
/// inside a `<details>` under the chart.
struct ChartDataTable {
    /// The table's caption, e.g. `Gap per leader change, overall`.
    var caption: String
    /// Column headers; the first column holds the row headers.
    var columns: [String]
    /// Indexes of right-aligned numeric columns.
    var numericColumns: Set<Int> = []
    /// One array of cell texts per row, as long as `columns`.
    var rows: [[String]]

    /// The `<details>` element with the table in a scrolling region.
    func render() -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            escapedAttribute("class", "chart-data"),
            .element(named: "summary", nodes: [.text("Data table")]),
            scrollRegion(label: caption, .table(
                .caption(.text(caption)),
                .thead(.tr(.forEach(columns.enumerated()) { column in
                    .th(escapedAttribute("scope", "col"),
                        .if(numericColumns.contains(column.offset), escapedAttribute("class", "num")),
                        .text(column.element))
                })),
                .tbody(.forEach(rows) { row in
                    .tr(.forEach(row.enumerated()) { cell in
                        cell.offset == 0
                            ? .th(escapedAttribute("scope", "row"), .text(cell.element))
                            : .td(.if(numericColumns.contains(cell.offset), escapedAttribute("class", "num")), .text(cell.element))
                    })
                })
            )),
        ])
    }
}
