import Foundation

/// File names with time placeholders: `{date}` (2026-08-22), `{time}` (143005), `{timestamp}`
/// (Unix seconds), `{year}`, `{month}`, `{day}`, `{hour}`, `{minute}`, `{second}`, all in UTC.
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
            "time": two(c.hour) + two(c.minute) + two(c.second),
            "timestamp": String(Int64(date.timeIntervalSince1970.rounded(.down))),
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
