/// A tick of an axis: its value in data units and the text printed next to it.
struct ChartTick: Hashable {
    var value: Double
    var label: String
}

/// One axis of a chart: a numeric domain, its ticks and a title.
///
/// A categorical axis (dates, names) is a numeric axis over the category indexes: category `i` sits
/// at `x = i`, and the domain is padded by half a step on each side.
struct ChartAxis {
    /// The axis title, with units, e.g. `Min VRAM (GB)`.
    var title: String
    /// The domain's lower end, data units.
    var lower: Double
    /// The domain's upper end, data units.
    var upper: Double
    /// Tick marks and labels (ticks outside the domain are not drawn).
    var ticks: [ChartTick]
    /// Rotate tick labels by −30° (long date labels on narrow charts).
    var rotatedLabels = false
    /// At most this many tick labels are printed (every n-th one); every tick mark is still drawn.
    var maxLabels: Int?

    /// A numeric axis whose ticks are labelled by `format`.
    static func linear(title: String, ticks values: [Double], lower: Double? = nil, upper: Double? = nil,
                       format: (Double) -> String) -> ChartAxis {
        ChartAxis(title: title, lower: lower ?? values.first ?? 0, upper: upper ?? values.last ?? 1,
                  ticks: values.map { ChartTick(value: $0, label: format($0)) })
    }

    /// A categorical axis with one tick per label, at `x = 0, 1, …`.
    static func categories(title: String, _ labels: [String], rotated: Bool = true, maxLabels: Int? = nil) -> ChartAxis {
        ChartAxis(title: title, lower: -0.5, upper: max(0.5, Double(labels.count) - 0.5),
                  ticks: labels.enumerated().map { ChartTick(value: Double($0.offset), label: $0.element) },
                  rotatedLabels: rotated, maxLabels: maxLabels)
    }

    /// Whether a value lies inside the domain.
    func contains(_ value: Double) -> Bool { value >= min(lower, upper) && value <= max(lower, upper) }

    /// Maps a data value to a position between `start` and `end` (pixels, `start` at `lower`).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        guard upper != lower else { return (start + end) / 2 }
        return start + (value - lower) / (upper - lower) * (end - start)
    }

    /// The ticks whose labels are printed, honouring `maxLabels` (the first and every n-th tick).
    var labelledTicks: Set<Double> {
        let inside = ticks.filter { contains($0.value) }
        guard let maxLabels, maxLabels > 0, inside.count > maxLabels else { return Set(inside.map(\.value)) }
        let stride = (inside.count + maxLabels - 1) / maxLabels
        return Set(inside.enumerated().filter { $0.offset % stride == 0 }.map(\.element.value))
    }
}
