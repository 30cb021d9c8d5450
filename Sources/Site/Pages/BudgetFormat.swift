import Foundation

/// The Budget persona's number and text formats (reference-site.md §1.8), with JavaScript's
/// rounding: `toFixed` and `Math.round` round exact ties up, where `printf` rounds them to even.
enum BudgetFormat {
    /// Requests per hour (`formatReqH`): `8.5k`, `27.2k`, `9k`, `850`.
    static func requestsPerHour(_ value: Double) -> String {
        guard value >= 1000 else { return String(jsRound(value)) }
        let whole = value.truncatingRemainder(dividingBy: 1000) == 0
        return toFixed(value / 1000, whole ? 0 : 1) + "k"
    }

    /// USD per thousand requests from USD per request (`formatPerThousand`): `$1.69`, `$253`, `$1.2k`, `$0.042`.
    static func perThousand(_ perRequest: Double) -> String {
        let v = perRequest * 1000
        if v >= 1000 { return "$" + toFixed(v / 1000, 1) + "k" }
        if v >= 100 { return "$" + toFixed(v, 0) }
        if v >= 1 { return "$" + toFixed(v, 2) }
        if v > 0 { return "$" + toFixed(v, 3) }
        return "$0"
    }

    /// Requests per month (`formatRequests`): `1.5M`, `41k`, `950`.
    static func requests(_ n: Double) -> String {
        if n >= 1e6 { return toFixed(n / 1e6, 1) + "M" }
        if n >= 1000 { return toFixed(n / 1000, 0) + "k" }
        return String(jsRound(n))
    }

    /// USD amounts (`formatMoney`): `$1.2M`, `$10.4k`, `$253`, `$0.25`.
    static func money(_ x: Double) -> String {
        if x >= 1e6 { return "$" + toFixed(x / 1e6, 1) + "M" }
        if x >= 1000 { return "$" + toFixed(x / 1000, 1) + "k" }
        if x >= 1 { return "$" + toFixed(x, 0) }
        return "$" + toFixed(x, 2)
    }

    /// Single-stream or aggregate speed (`formatTokS`): `343 tok/s`, `1.2k tok/s`, `123k tok/s`.
    static func tokensPerSecond(_ v: Double) -> String {
        guard v >= 1000 else { return "\(jsRound(v)) tok/s" }
        let k = v / 1000
        return (k >= 100 ? String(jsRound(k)) : toFixed(k, 1)) + "k tok/s"
    }

    /// Box utilisation at a break-even (`{util ≥ 10 ? round : toFixed(1)}%`): `0.7%`, `13%`.
    static func utilization(_ percent: Double) -> String {
        (percent >= 10 ? String(jsRound(percent)) : toFixed(percent, 1)) + "%"
    }

    /// Requests per hour in the "Models served" list: `8.5k`, `27k`, `850`.
    static func servedRequestsPerHour(_ value: Double) -> String {
        let reqH = Double(jsRound(value))
        if reqH >= 10_000 { return "\(jsRound(reqH / 1000))k" }
        if reqH >= 1000 { return toFixed(reqH / 1000, 1) + "k" }
        return String(Int(reqH))
    }

    /// A whole number with thousands separators: `10,368`.
    static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + groupedDigits(String(value.magnitude))
    }

    /// GB without a trailing `.0`: `96`, `141`, `228.7`.
    static func gigabytes(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : toFixed(value, 1)
    }

    /// A list read as prose: `A`, `A and B`, `A, B, and C` (§1.4.1 joiner).
    static func joined(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + ", and " + (items.last ?? "")
        }
    }

    /// A closed model's display name (`formatModelName`): `claude-fable-5` → `Claude Fable 5`,
    /// `GPT-5.6` → `GPT 5.6`, `Gemini-3.1-Pro` → `Gemini 3.1 Pro`.
    static func modelName(_ name: String) -> String {
        var chars = Array(name)
        // digit-digit hyphens become dots, non-overlapping, left to right.
        var i = 1
        while i + 1 < chars.count {
            if chars[i] == "-", chars[i - 1].isASCIIDigit, chars[i + 1].isASCIIDigit {
                chars[i] = "."
                i += 2
            } else {
                i += 1
            }
        }
        var out = ""
        var previous: Character?
        for c in chars.map({ $0 == "-" ? " " : $0 }) {
            let atWordStart = previous.map { !($0.isASCIILetterOrDigit || $0 == "_") } ?? true
            out.append(atWordStart && c.isASCII && c.isLowercase ? Character(c.uppercased()) : c)
            previous = c
        }
        return out
    }

    /// A lab's display name (`formatLabName`).
    static func labName(_ lab: String) -> String {
        switch lab {
        case "anthropic": "Anthropic"
        case "openai": "OpenAI"
        case "google": "Google"
        default: lab.prefix(1).uppercased() + lab.dropFirst()
        }
    }

    /// JavaScript's `Math.round` for finite values: nearest integer, halves up.
    static func jsRound(_ value: Double) -> Int {
        guard value.isFinite, abs(value) < 1e15 else { return 0 }
        return Int(value >= 0 ? value.rounded(.toNearestOrAwayFromZero) : (value + 0.5).rounded(.down))
    }

    /// JavaScript's `Number.prototype.toFixed` for finite values below 1e15: the exact binary value
    /// rounded to `digits` decimals, an exact tie rounding up (`(0.125).toFixed(2)` is `0.13`).
    static func toFixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return String(value) }
        let text = String(format: "%.\(digits)f", value)
        // printf rounds exact ties to even; detect a tie in the (exact) long expansion and round it up.
        let long = String(format: "%.40f", abs(value))
        guard let dot = long.firstIndex(of: ".") else { return text }
        let tail = long[long.index(after: dot)...].dropFirst(digits)
        guard tail.first == "5", tail.dropFirst().allSatisfy({ $0 == "0" }) else { return text }
        let step = pow(10, Double(-digits))
        let up = String(format: "%.\(digits)f", abs(value) + step / 2)
        return (value < 0 ? "-" : "") + up
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
