extension SVGChart {
    /// Horizontal grid lines at the left axis' ticks.
    func grid() -> SVGNode {
        let f = frame
        return svgElement("g", ["class": "chart-grid"], y.ticks.filter { y.contains($0.value) }.map { tick in
            svgLine(f.left, py(tick.value), f.right, py(tick.value), className: "chart-gridline")
        })
    }

    /// The x axis: baseline, tick marks, tick labels (rotated −30° when asked) and the title.
    func xAxis() -> SVGNode {
        let f = frame
        let labelled = x.labelledTicks
        var nodes: [SVGNode] = [svgLine(f.left, f.bottom, f.right, f.bottom, className: "chart-axis-line")]
        for tick in x.ticks where x.contains(tick.value) {
            let at = px(tick.value)
            nodes.append(svgLine(at, f.bottom, at, f.bottom + 5, className: "chart-tick"))
            guard labelled.contains(tick.value) else { continue }
            nodes.append(x.rotatedLabels
                ? svgText(tick.label, x: at, y: f.bottom + 16, anchor: "end", className: "chart-tick-label", rotate: -30)
                : svgText(tick.label, x: at, y: f.bottom + 18, className: "chart-tick-label"))
        }
        nodes.append(svgText(x.title, x: (f.left + f.right) / 2, y: height - 8, className: "chart-axis-title"))
        return svgElement("g", ["class": "chart-axis chart-axis-x" + (x.rotatedLabels ? " chart-axis-rotated" : "")], nodes)
    }

    /// A y axis on the left or right edge: line, tick marks, labels and the title (rotated).
    func yAxis(_ axis: ChartAxis, side: ChartSeries.Axis) -> SVGNode {
        let f = frame
        let edge = side == .left ? f.left : f.right
        let outward: Double = side == .left ? -1 : 1
        var nodes: [SVGNode] = [svgLine(edge, f.top, edge, f.bottom, className: "chart-axis-line")]
        for tick in axis.ticks where axis.contains(tick.value) {
            let at = axis.position(tick.value, from: f.bottom, to: f.top)
            nodes.append(svgLine(edge, at, edge + 5 * outward, at, className: "chart-tick"))
            nodes.append(svgText(tick.label, x: edge + 8 * outward, y: at + 4, anchor: side == .left ? "end" : "start",
                                 className: "chart-tick-label"))
        }
        let titleX = side == .left ? 14 : width - 10
        nodes.append(svgText(axis.title, x: titleX, y: (f.top + f.bottom) / 2, className: "chart-axis-title",
                             rotate: side == .left ? -90 : 90))
        return svgElement("g", ["class": "chart-axis chart-axis-y"], nodes)
    }

    /// Dashed horizontal, then vertical reference lines with their (already placed) labels.
    func referenceLayer(labels: [SVGNode]) -> SVGNode {
        let f = frame
        let visible = visibleReferenceLines
        let vertical = visibleVerticalLines
        guard !visible.isEmpty || !vertical.isEmpty else { return .empty }
        return svgElement("g", ["class": "chart-refs"], visible.map { line in
            svgLine(f.left, py(line.value, on: line.axis), f.right, py(line.value, on: line.axis),
                    className: line.fine ? "chart-ref-line chart-ref-fine" : "chart-ref-line")
        } + vertical.map { line in
            svgLine(px(line.value), f.top, px(line.value), f.bottom, className: "chart-ref-line")
        } + labels)
    }

    /// The horizontal reference lines inside their axis' domain.
    var visibleReferenceLines: [ChartReferenceLine] {
        referenceLines.filter { ($0.axis == .right ? y2 ?? y : y).contains($0.value) }
    }

    /// The vertical reference lines inside the x domain.
    var visibleVerticalLines: [ChartVerticalLine] { verticalLines.filter { x.contains($0.value) } }
}
