import Foundation
import SeekCore

/// Number and text formatting for the report, independent of locale and platform: decimals are
/// rounded half away from zero on the decimal digits of the value, negatives use the Unicode
/// minus sign "−" (U+2212), so reviewers can tell a sign from a hyphen in model names.
enum Format {
    static let minus = "\u{2212}"

    /// `x` with exactly `places` decimals, e.g. `fixed(22.985, 2)` → `22.99`; negatives with "−".
    static func fixed(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? minus : "") + "∞" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // Round the shortest decimal representation, not the binary value, so 22.985 (stored as
        // 22.98499999…) reads as the 22.99 a person would write.
        let scaled = (Double(PythonFloat.repr(abs(x) * scale)) ?? abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        let units = Int(scaled)
        var digits = String(units)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (x < 0 && units != 0 ? minus : "") + digits
    }

    /// `x` with a leading sign ("+" or "−") and `places` decimals; zero gets "±".
    static func signed(_ x: Double, places: Int) -> String {
        let text = fixed(abs(x), places: places)
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { return "±" + text }
        return (x < 0 ? minus : "+") + text
    }

    /// A percentage change with sign and one decimal: `+6.1%`, `−4.2%`.
    static func percent(_ x: Double) -> String { signed(x, places: 1) + "%" }

    /// The change from `old` to `new` in percent of `old`; nil when `old` is zero.
    static func percentChange(from old: Double, to new: Double) -> Double? {
        old == 0 ? nil : (new - old) / old * 100
    }

    /// US dollars with two decimals and thousands separators: `$1,234.50`.
    static func money(_ x: Double) -> String {
        let text = fixed(abs(x), places: 2)
        return (x < 0 ? minus : "") + "$" + grouped(text)
    }

    /// A price per hour: `$22.99/h`.
    static func hourly(_ x: Double) -> String { money(x) + "/h" }

    /// A per-token price as dollars per million tokens: 1.25e-05 → `$12.50/M`.
    static func perMillionTokens(_ x: Double) -> String { money(x * 1_000_000) + "/M" }

    /// An integer with thousands separators: `1,048,576`.
    static func integer(_ n: Int) -> String { (n < 0 ? minus : "") + grouped(String(n.magnitude)) }

    /// `n` and a noun, pluralised with "s" unless given: `1 model`, `2 models`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// A JSON value as a table cell: strings bare, numbers as Python prints them, null as `null`.
    static func value(_ value: JSONValue?) -> String {
        guard let value else { return "—" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let n): return integer(n)
        case .double(let x): return PythonFloat.repr(x)
        case .string(let text): return text
        case .array(let items): return "[" + items.map { Self.value($0) }.joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { "\($0.key): \(Self.value($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A cell for a markdown table: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Inline code, for provider SKUs and regions whose underscores would otherwise format.
    static func code(_ text: String) -> String {
        text.contains("`") ? text : "`" + text + "`"
    }

    /// A size in bytes with separators: `45,123 B`.
    static func bytes(_ n: Int) -> String { integer(n) + " B" }

    private static func grouped(_ digits: String) -> String {
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = Array(parts[0])
        var out: [Character] = []
        while whole.count > 3 {
            out.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        out.insert(contentsOf: whole, at: 0)
        return String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
