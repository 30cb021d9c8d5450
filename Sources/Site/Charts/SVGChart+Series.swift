extension SVGChart {
    /// One series: its line (split at missing values), its dots with hover titles, and its placed labels.
    func seriesLayer(_ s: ChartSeries, labels: [SVGNode]) -> SVGNode {
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
        nodes += labels
        return svgElement("g", ["class": "chart-series \(s.color.rawValue)"], nodes)
    }

    /// Every label, placed so that none overlaps another or a mark: reference-line labels first, then
    /// each series' point labels in order. Returns the reference labels and one array per series.
    func placedLabels() -> (references: [SVGNode], series: [[SVGNode]]) {
        let f = frame
        let dots = series.flatMap { s in
            s.points.compactMap { p in
                p.y.map { v -> ChartLabelLayout.Box in
                    let cx = px(p.x), cy = py(v, on: s.axis), r = max(s.dotRadius, 2)
                    return ChartLabelLayout.Box(x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r)
                }
            }
        }
        var layout = ChartLabelLayout(bounds: .init(x0: f.left, y0: 0, x1: width, y1: f.bottom), obstacles: dots)
        let references = referenceLines.filter { ($0.axis == .right ? y2 ?? y : y).contains($0.value) }.map { line in
            let at = layout.place(line.label, x: f.right - 4, y: py(line.value, on: line.axis) - 4, anchor: "end", direction: .up)
            return svgText(line.label, x: f.right - 4, y: at, anchor: "end", className: "chart-ref-label")
        }
        let labels = series.map { s -> [SVGNode] in
            let marks = s.points.compactMap { p -> (text: String, x: Double, y: Double)? in
                guard let value = p.y, let text = p.label else { return nil }
                return (text, px(p.x), py(value, on: s.axis))
            }
            let offsets = s.avoidLabelCollisions ? labelOffsets(marks.map { ($0.x, $0.y) }) : marks.map { _ in 0 }
            return zip(marks, offsets).map { mark, offset in
                if s.avoidLabelCollisions {
                    let spot = layout.place(mark.text, candidates: scatterSpots(x: mark.x, y: mark.y, offset: offset, radius: s.dotRadius))
                        ?? .init(x: mark.x, y: mark.y - 10, anchor: "middle")
                    return svgText(mark.text, x: spot.x, y: spot.y, anchor: spot.anchor, className: "chart-point-label")
                }
                let (y, direction): (Double, ChartLabelLayout.Direction) = switch s.labelPlacement {
                case .above(let dy): (mark.y - dy, .up)
                case .below(let dy): (mark.y + dy + 4, .down)
                }
                let anchor = anchor(at: mark.x)
                let at = layout.place(mark.text, x: mark.x, y: y, anchor: anchor, direction: direction)
                return svgText(mark.text, x: mark.x, y: at, anchor: anchor, className: "chart-point-label")
            }
        }
        return (references, labels)
    }

    /// Label spots around a scatter mark, best first: above (shifted by the §1.8 offset), right, left, below,
    /// then further up and down on either side.
    func scatterSpots(x: Double, y: Double, offset: Double, radius: Double) -> [ChartLabelLayout.Spot] {
        let gap = radius + 4
        var spots: [ChartLabelLayout.Spot] = [
            .init(x: x, y: y - 10 + offset, anchor: "middle"),
            .init(x: x + gap, y: y + 4, anchor: "start"),
            .init(x: x - gap, y: y + 4, anchor: "end"),
            .init(x: x, y: y + gap + 10, anchor: "middle"),
        ]
        for step in 1...4 {
            let dy = Double(step) * 13
            spots += [.init(x: x + gap, y: y + 4 - dy, anchor: "start"), .init(x: x + gap, y: y + 4 + dy, anchor: "start"),
                      .init(x: x - gap, y: y + 4 - dy, anchor: "end"), .init(x: x - gap, y: y + 4 + dy, anchor: "end")]
        }
        return spots
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
