extension SVGChart {
    /// One series: its line (split at missing values), its dots with hover titles, and its labels.
    func seriesLayer(_ s: ChartSeries) -> SVGNode {
        let drawn = s.points.compactMap { p in p.y.map { (point: p, x: px(p.x), y: py($0, on: s.axis)) } }
        var nodes: [SVGNode] = []
        if s.style != .scatter, let d = pathData(s) {
            nodes.append(svgElement("path", ["class": s.style == .dashed ? "chart-line chart-dashed" : "chart-line", "d": d]))
        }
        if s.dotRadius > 0 {
            nodes += drawn.map { mark in
                svgElement("circle", ["class": mark.point.hollow ? "chart-dot chart-hollow" : "chart-dot",
                                      "cx": ChartNumber.coordinate(mark.x), "cy": ChartNumber.coordinate(mark.y),
                                      "r": ChartNumber.fixed(s.dotRadius, 1)],
                           [svgElement("title", [:], [.text(mark.point.title)])])
            }
        }
        let labelled = drawn.filter { $0.point.label != nil }
        let offsets = s.avoidLabelCollisions ? labelOffsets(labelled.map { ($0.x, $0.y) }) : labelled.map { _ in 0 }
        for (mark, offset) in zip(labelled, offsets) {
            let y: Double
            switch (s.avoidLabelCollisions, s.labelPlacement) {
            case (true, _): y = mark.y - 10 + offset
            case (false, .above(let dy)): y = mark.y - dy
            case (false, .below(let dy)): y = mark.y + dy + 4
            }
            nodes.append(svgText(mark.point.label ?? "", x: mark.x, y: y, anchor: anchor(at: mark.x), className: "chart-point-label"))
        }
        return svgElement("g", ["class": "chart-series \(s.color.rawValue)"], nodes)
    }

    /// Path data of the series' line: one sub-path per run of present values.
    func pathData(_ s: ChartSeries) -> String? {
        var parts: [String] = []
        var previous: (x: Double, y: Double)?
        for p in s.points {
            guard let value = p.y else {
                previous = nil
                continue
            }
            let point = (x: px(p.x), y: py(value, on: s.axis))
            let xs = ChartNumber.coordinate(point.x), ys = ChartNumber.coordinate(point.y)
            if previous == nil {
                parts.append("M\(xs) \(ys)")
            } else if s.style == .step {
                parts.append("H\(xs)V\(ys)")
            } else {
                parts.append("L\(xs) \(ys)")
            }
            previous = point
        }
        return parts.isEmpty ? nil : parts.joined()
    }

    /// Labels near the plot's edges are anchored inwards so they stay inside the chart.
    func anchor(at x: Double) -> String {
        let f = frame
        if x - f.left < 56 { return "start" }
        if f.right - x < 56 { return "end" }
        return "middle"
    }
}
