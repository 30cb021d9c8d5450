import Foundation

/// File names with time placeholders, all in UTC and meaning what gpuport's do: `{date}` (2026-08-22),
/// `{time}` (14-30-05), `{timestamp}` (20260822-143005), `{year}` (2026), `{month}` (08), `{day}` (22),
/// `{hour}`, `{minute}`, `{second}` (two digits each).
public enum FilenamePattern {
    /// Every placeholder.
    public static let placeholders = ["date", "time", "timestamp", "year", "month", "day", "hour", "minute", "second"]

    /// The pattern with its placeholders filled for `date` (UTC).
    public static func render(_ pattern: String, date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { String(format: "%02d", v ?? 0) }
        let values: [String: String] = [
            "year": String(format: "%04d", c.year ?? 0), "month": two(c.month), "day": two(c.day),
            "hour": two(c.hour), "minute": two(c.minute), "second": two(c.second),
            "date": String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0),
            "time": [two(c.hour), two(c.minute), two(c.second)].joined(separator: "-"),
            "timestamp": String(format: "%04d%02d%02d-", c.year ?? 0, c.month ?? 0, c.day ?? 0)
                + two(c.hour) + two(c.minute) + two(c.second),
        ]
        var result = pattern
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    /// Placeholders in braces that are not known, e.g. `{week}`; empty when the pattern is valid.
    public static func unknownPlaceholders(in pattern: String) -> [String] {
        var unknown: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) { unknown.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return unknown
    }
}
