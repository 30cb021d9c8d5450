import Foundation

/// Round tick values for numeric axes.
enum NiceTicks {
    /// The reference's `niceTicksForRange(min, rawMax)` (reference-site.md §1.8): about six steps of
    /// 1, 2, 5 or 10 × a power of ten from `min`, the last tick at or above `rawMax` (the axis maximum).
    ///
    /// - Returns: `[0]` when `rawMax <= 0`.
    static func forRange(min: Double, rawMax: Double) -> [Double] {
        guard rawMax > 0 else { return [0] }
        let step = niceStep(rawMax / 6)
        return ticks(from: min, to: rawMax, step: step)
    }

    /// Ticks that cover `lower...upper` with the same step rule, starting at the multiple of the step
    /// at or below `lower` (for axes that do not start at zero).
    static func covering(lower: Double, upper: Double) -> [Double] {
        guard upper > lower else { return [lower] }
        let step = niceStep((upper - lower) / 6)
        return ticks(from: (lower / step).rounded(.down) * step, to: upper, step: step)
    }

    /// 1, 2, 5 or 10 × a power of ten near `rough` (§1.8 thresholds 1.5, 3.5, 7.5).
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let r = rough / magnitude
        let step = magnitude * (r <= 1.5 ? 1 : r <= 3.5 ? 2 : r <= 7.5 ? 5 : 10)
        return step < 1 ? round2(step) : step
    }

    private static func ticks(from start: Double, to rawMax: Double, step: Double) -> [Double] {
        var result: [Double] = []
        var index = 0.0
        while start + index * step <= rawMax + 0.01 * step, result.count < 1000 {
            result.append(round2(start + index * step))
            index += 1
        }
        if let last = result.last, last < rawMax { result.append(round2(last + step)) }
        return result
    }

    private static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
