/// Deterministic number formatting for charts: fixed decimals, no locale, never `-0`.
///
/// Coordinates and labels printed into SVG go through here so that equal inputs give byte-identical pages.
enum ChartNumber {
    /// `value` with exactly `decimals` decimals (half away from zero), e.g. `fixed(12.345, 1)` = `12.3`.
    ///
    /// Non-finite values print as `0` so a bad input cannot produce an invalid SVG attribute.
    static func fixed(_ value: Double, _ decimals: Int = 1) -> String {
        guard value.isFinite else { return decimals > 0 ? "0." + String(repeating: "0", count: decimals) : "0" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = String(units / divisor)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let fraction = String(units % divisor)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// `value` with thousands separators and `decimals` decimals, e.g. `grouped(19828.8, 0)` = `19,829`.
    static func grouped(_ value: Double, _ decimals: Int = 0) -> String {
        let text = fixed(value, decimals)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        let integer = groupedDigits(String(parts.first ?? "0"))
        return (negative ? "-" : "") + integer + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A coordinate in SVG user units, one decimal.
    static func coordinate(_ value: Double) -> String { fixed(value, 1) }
}
