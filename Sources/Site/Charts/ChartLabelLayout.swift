/// Greedy placement of point and reference-line labels so that they overlap neither each other nor the
/// marks: each label tries its preferred spot, then spots one line further away (up, down or alternately)
/// until one is free, in the order given.
struct ChartLabelLayout {
    /// A rectangle in user units.
    struct Box {
        var x0, y0, x1, y1: Double

        func overlaps(_ other: Box) -> Bool {
            x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
        }
    }

    /// Which way a label may move from its preferred spot.
    enum Direction { case up, down, either }

    /// Height of one label line, user units.
    var lineHeight = 13.0
    /// Approximate advance of one character at the label size, user units (no font metrics in a static page).
    var characterWidth = 6.2
    /// How many alternative spots a label tries.
    var attempts = 12
    /// The area labels must stay inside (the viewBox).
    var bounds: Box
    /// Boxes already taken.
    private(set) var taken: [Box] = []

    init(bounds: Box, obstacles: [Box] = []) {
        self.bounds = bounds
        taken = obstacles
    }

    /// The box of a label whose baseline starts at `(x, y)` with an SVG `text-anchor`.
    func box(_ text: String, x: Double, y: Double, anchor: String) -> Box {
        let width = Double(text.count) * characterWidth
        let x0 = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2
        return Box(x0: x0, y0: y - lineHeight + 3, x1: x0 + width, y1: y + 3)
    }

    /// Places a label: returns the baseline y of the first free spot (moving in `direction`, then either way;
    /// the preferred spot when none is free) and marks its box as taken.
    mutating func place(_ text: String, x: Double, y: Double, anchor: String, direction: Direction) -> Double {
        let either = (0..<attempts).map { attempt -> Double in
            let lines = Double((attempt + 1) / 2)
            return attempt % 2 == 1 ? -lines * lineHeight : lines * lineHeight
        }
        let preferred: [Double]
        switch direction {
        case .up: preferred = (0..<attempts).map { -Double($0) * lineHeight }
        case .down: preferred = (0..<attempts).map { Double($0) * lineHeight }
        case .either: preferred = []
        }
        var chosen = y
        for offset in preferred + either {
            let candidate = box(text, x: x, y: y + offset, anchor: anchor)
            let inside = candidate.y0 >= bounds.y0 && candidate.y1 <= bounds.y1
            if inside && !taken.contains(where: candidate.overlaps) {
                chosen = y + offset
                break
            }
        }
        taken.append(box(text, x: x, y: chosen, anchor: anchor))
        return chosen
    }

    /// A candidate spot: baseline start and `text-anchor`.
    struct Spot {
        var x: Double
        var y: Double
        var anchor: String
    }

    /// Places a label at the first free spot of `candidates` (the first one when none is free) and marks it taken.
    mutating func place(_ text: String, candidates: [Spot]) -> Spot? {
        guard let first = candidates.first else { return nil }
        let chosen = candidates.first { spot in
            let candidate = box(text, x: spot.x, y: spot.y, anchor: spot.anchor)
            return candidate.y0 >= bounds.y0 && candidate.y1 <= bounds.y1 && candidate.x0 >= bounds.x0
                && candidate.x1 <= bounds.x1 && !taken.contains(where: candidate.overlaps)
        } ?? first
        taken.append(box(text, x: chosen.x, y: chosen.y, anchor: chosen.anchor))
        return chosen
    }
}
