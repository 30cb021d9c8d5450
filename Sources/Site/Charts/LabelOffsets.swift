/// Vertical offsets that keep point labels from overlapping (reference-site.md §1.8 `computeLabelOffsets`).
///
/// Positions are sorted by x (then y); for each pair closer than `minDx` horizontally whose labels are
/// less than `minDy` apart vertically, the later label moves up by the shortfall.
///
/// - Parameters:
///   - positions: Label anchor positions in pixels, in any order.
///   - minDx: Horizontal distance under which labels may collide, pixels.
///   - minDy: Vertical distance labels must keep, pixels.
/// - Returns: One offset per position, in the input order (negative = up).
func labelOffsets(_ positions: [(x: Double, y: Double)], minDx: Double = 40, minDy: Double = 12) -> [Double] {
    let order = positions.indices.sorted {
        positions[$0].x != positions[$1].x ? positions[$0].x < positions[$1].x : positions[$0].y < positions[$1].y
    }
    var offsets = Array(repeating: 0.0, count: positions.count)
    for (i, a) in order.enumerated() {
        for b in order[(i + 1)...] {
            if abs(positions[b].x - positions[a].x) > minDx { break }
            let dy = abs((positions[b].y + offsets[b]) - (positions[a].y + offsets[a]))
            if dy < minDy { offsets[b] -= minDy - dy }
        }
    }
    return offsets
}
