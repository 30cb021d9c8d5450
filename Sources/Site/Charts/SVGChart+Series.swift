extension SVGChart {
    /// One series: its line (split at missing values), its dots with hover titles, and its placed labels.
    func seriesLayer(_ s: ChartSeries, labels: [SVGNode]) -> SVGNode {
        let drawn = s.points.compactMap { p in p.y.map { (point: p, x: px(p.x), y: py($0, on: s.axis)) } }
        var nodes: [SVGNode] = []
        if s.style != .scatter, let d = s.clipsToPlot && s.style != .step ? clippedPathData(s) : pathData(s) {
            let title = s.lineTitle.map { [svgElement("title", [:], [.text($0)])] } ?? []
            nodes.append(svgElement("path", ["class": s.style == .dashed ? "chart-line chart-dashed" : "chart-line", "d": d], title))
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
        let references = visibleReferenceLines.map { line in
            let at = layout.place(line.label, x: f.right - 4, y: py(line.value, on: line.axis) - 4, anchor: "end", direction: .up)
            return svgText(line.label, x: f.right - 4, y: at, anchor: "end", className: "chart-ref-label")
        } + visibleVerticalLines.map { line in
            let lineX = px(line.value), anchor = anchor(at: lineX)
            let at = layout.place(line.label, x: lineX, y: f.top - 5, anchor: anchor, direction: .down)
            return svgText(line.label, x: lineX, y: at, anchor: anchor, className: "chart-ref-label")
        }
        let labels = series.map { s -> [SVGNode] in
            let marks = s.points.compactMap { p -> (text: String, x: Double, y: Double)? in
                guard let value = p.y, let text = p.label else { return nil }
                return (text, px(p.x), py(p.labelY ?? value, on: s.axis))
            }
            let offsets = s.avoidLabelCollisions ? labelOffsets(marks.map { ($0.x, $0.y) }) : marks.map { _ in 0 }
            return zip(marks, offsets).map { mark, offset in
                if s.avoidLabelCollisions {
                    let spot = layout.place(mark.text, candidates: scatterSpots(x: mark.x, y: mark.y, offset: offset, radius: s.dotRadius))
                        ?? .init(x: mark.x, y: mark.y - 10, anchor: "middle")
                    return svgText(mark.text, x: spot.x, y: spot.y, anchor: spot.anchor, className: "chart-point-label")
                }
                var labelX = mark.x, anchor = anchor(at: mark.x)
                let (y, direction): (Double, ChartLabelLayout.Direction)
                switch s.labelPlacement {
                case .above(let dy): (y, direction) = (mark.y - dy, .up)
                case .below(let dy): (y, direction) = (mark.y + dy + 4, .down)
                case .aboveRight(let d):
                    (y, direction) = (mark.y - d, .up)
                    let fits = layout.box(mark.text, x: mark.x + d, y: y, anchor: "start").x1 <= f.right
                    (labelX, anchor) = fits ? (mark.x + d, "start") : (mark.x - d, "end")
                }
                let at = layout.place(mark.text, x: labelX, y: y, anchor: anchor, direction: direction)
                return svgText(mark.text, x: labelX, y: at, anchor: anchor, className: "chart-point-label")
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

    /// Path data of a line clipped to the y axis' domain: each segment is cut where it crosses the top or
    /// bottom of the plot, so a curve that starts off-scale enters at the edge instead of leaving a gap.
    func clippedPathData(_ s: ChartSeries) -> String? {
        let f = frame
        var parts: [String] = []
        var previous: (x: Double, y: Double)?
        var penDown = false
        func emit(_ command: String, _ point: (x: Double, y: Double)) {
            parts.append("\(command)\(ChartNumber.coordinate(point.x)) \(ChartNumber.coordinate(point.y))")
        }
        for p in s.points {
            guard let value = p.y else {
                previous = nil
                penDown = false
                continue
            }
            let point = (x: px(p.x), y: py(value, on: s.axis))
            defer { previous = point }
            guard let start = previous else {
                if point.y >= f.top && point.y <= f.bottom {
                    emit("M", point)
                    penDown = true
                }
                continue
            }
            guard let (from, to) = clip(start, point, top: f.top, bottom: f.bottom) else {
                penDown = false
                continue
            }
            if !penDown || from != start { emit("M", from) }
            emit("L", to)
            penDown = to == point
        }
        return parts.isEmpty ? nil : parts.joined()
    }

    /// The part of the segment `a`–`b` between the pixel rows `top` and `bottom`, or `nil` when none is.
    func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), top: Double,
              bottom: Double) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard a.y != b.y else { return a.y >= top && a.y <= bottom ? (a, b) : nil }
        let t0 = (top - a.y) / (b.y - a.y), t1 = (bottom - a.y) / (b.y - a.y)
        let low = max(0, min(t0, t1)), high = min(1, max(t0, t1))
        guard low <= high else { return nil }
        func at(_ t: Double) -> (x: Double, y: Double) {
            t == 0 ? a : t == 1 ? b : (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
        }
        return (at(low), at(high))
    }

    /// Labels near the plot's edges are anchored inwards so they stay inside the chart.
    func anchor(at x: Double) -> String {
        let f = frame
        if x - f.left < 56 { return "start" }
        if f.right - x < 56 { return "end" }
        return "middle"
    }
}
