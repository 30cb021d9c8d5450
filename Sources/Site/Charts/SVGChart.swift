import Plot

/// An inline SVG chart on a numeric or categorical x axis and one or two y axes: lines (solid, dashed,
/// stepped, with gaps for missing values, optionally clipped to the plot), dots with hover titles and labels,
/// scatters, horizontal and vertical reference lines and an HTML legend.
///
/// The SVG has `role="img"`, a `<title>` and a `<desc>` it is labelled by, and a `viewBox`; CSS scales it to
/// the container's width. Colours come from CSS classes (``ChartColor``), so both themes work. Output is
/// deterministic: every number is printed with fixed decimals.
struct SVGChart {
    /// A page-unique id; the title and description ids derive from it.
    var id: String
    /// The accessible title (also the section heading on the page).
    var title: String
    /// The accessible description: what is plotted.
    var summary: String
    /// The x axis.
    var x: ChartAxis
    /// The left y axis.
    var y: ChartAxis
    /// An optional right y axis for series with `axis: .right`.
    var y2: ChartAxis?
    /// The series, drawn in order (later on top).
    var series: [ChartSeries]
    /// Horizontal reference lines; lines outside their axis' domain are not drawn.
    var referenceLines: [ChartReferenceLine] = []
    /// Vertical reference lines; lines outside the x domain are not drawn.
    var verticalLines: [ChartVerticalLine] = []
    /// Legend entries added after the series' own.
    var extraLegend: [ChartLegendItem] = []
    /// The viewBox width, user units (pixels at 100 % scale).
    var width = 720.0
    /// The viewBox height.
    var height = 360.0

    /// The plot area inside the margins, user units.
    var frame: (left: Double, right: Double, top: Double, bottom: Double) {
        (68, width - (y2 == nil ? 24 : 60), 20, height - (x.rotatedLabels ? 78 : 50))
    }

    /// The x position of a data value.
    func px(_ value: Double) -> Double { x.position(value, from: frame.left, to: frame.right) }

    /// The y position of a data value on an axis.
    func py(_ value: Double, on axis: ChartSeries.Axis = .left) -> Double {
        (axis == .right ? y2 ?? y : y).position(value, from: frame.bottom, to: frame.top)
    }

    /// The chart as a `<figure>`: the SVG in a frame, then the legend.
    func render() -> Node<HTML.BodyContext> {
        .element(named: "figure", nodes: [
            escapedAttribute("class", "chart"),
            .div(escapedAttribute("class", "chart-frame"), svg()),
            legend(),
        ])
    }

    /// The `<svg>` element alone.
    func svg() -> Node<HTML.BodyContext> {
        let labels = placedLabels()
        let children: [SVGNode] = [
            svgElement("title", ["id": "\(id)-title"], [.text(title)]),
            svgElement("desc", ["id": "\(id)-desc"], [.text(summary)]),
            grid(),
            referenceLayer(labels: labels.references),
            xAxis(),
            yAxis(y, side: .left),
            y2.map { yAxis($0, side: .right) } ?? .empty,
        ] + zip(series, labels.series).map { seriesLayer($0, labels: $1) }
        return .element(named: "svg", nodes: [
            escapedAttribute("class", "chart-svg"),
            escapedAttribute("id", id),
            escapedAttribute("viewBox", "0 0 \(ChartNumber.fixed(width, 0)) \(ChartNumber.fixed(height, 0))"),
            escapedAttribute("role", "img"),
            escapedAttribute("aria-labelledby", "\(id)-title \(id)-desc"),
        ] + children)
    }

    private func legend() -> Node<HTML.BodyContext> {
        let items = series.filter(\.inLegend).map { s in
            ChartLegendItem(label: s.name, color: s.color, mark: s.style == .scatter ? .dot : s.style == .dashed ? .dashed : .line)
        } + extraLegend
        guard !items.isEmpty else { return .empty }
        return .ul(escapedAttribute("class", "chart-legend"), .forEach(items) { item in
            .li(.span(escapedAttribute("class", "chart-key chart-key-\(item.mark.rawValue) \(item.color.rawValue)"),
                      escapedAttribute("aria-hidden", "true")),
                .text(item.label))
        })
    }
}
