import Foundation
import SeekCore

/// The site's one set of number, money, date and count formats. Every page and chart formats through
/// these, so the same quantity reads the same everywhere:
///
/// - money per hour: two decimals, `$3.08`; money per month: whole dollars, `$21,600`; other amounts:
///   whole dollars from $100, cents below (`$1,078`, `$23.40`, `$0.42`), `<$0.01` for a smaller non-zero amount;
/// - thousands separators everywhere (`1,719 GB`); one percent style, no space (`70.6%`);
/// - dates with their year, `7 Dec 2026`; counts agree with their noun (`1 stream`, `16 streams`).
///
/// Rounding is half away from zero on the decimal digits shown (the reference's JavaScript `toFixed`
/// for ties, ``BudgetFormat/toFixed(_:_:)``).
enum SiteFormat {
    /// An hourly price: `$3.08`, `$1,234.50`.
    static func perHour(_ usd: Double) -> String { dollars(usd, decimals: 2) }

    /// A monthly price in whole dollars: `$21,600`.
    static func perMonth(_ usd: Double) -> String { dollars(usd, decimals: 0) }

    /// Any other amount: whole dollars from $100 (`$1,078`), cents below (`$23.40`), `<$0.01` when tiny.
    static func money(_ usd: Double) -> String {
        if usd > 0, usd < 0.005 { return "<$0.01" }
        return dollars(usd, decimals: abs(usd) >= 100 ? 0 : 2)
    }

    /// A dollar amount with `decimals` digits and thousands separators.
    static func dollars(_ usd: Double, decimals: Int) -> String {
        (usd < 0 ? "-$" : "$") + grouped(BudgetFormat.toFixed(abs(usd), decimals))
    }

    /// A fraction as a percentage: `0.706` → `70.6%` (`digits` decimals, default 1).
    static func percent(fraction: Double, digits: Int = 1) -> String {
        percent(fraction * 100, digits: digits)
    }

    /// A percentage value: `70.6` → `70.6%`.
    static func percent(_ value: Double, digits: Int = 1) -> String {
        BudgetFormat.toFixed(value, digits) + "%"
    }

    /// A whole number with separators: `10,368`.
    static func integer(_ value: Int) -> String { BudgetFormat.grouped(value) }

    /// A number with `digits` decimals and separators: `1,719.4`.
    static func number(_ value: Double, digits: Int = 0) -> String {
        (value < 0 ? "-" : "") + grouped(BudgetFormat.toFixed(abs(value), digits))
    }

    /// Gigabytes, whole with separators from 100 GB, one decimal below: `1,719 GB`, `96 GB`, `22.5 GB`.
    static func gigabytes(_ value: Double) -> String {
        let digits = value >= 100 || value == value.rounded() ? 0 : 1
        return number(value, digits: digits) + " GB"
    }

    /// Tokens per second, whole with separators: `1,234 tok/s`.
    static func tokensPerSecond(_ value: Double) -> String { number(value) + " tok/s" }

    /// A monthly request volume, compact: `1M`, `2.5M`, `350k`, `900`.
    static func requests(_ n: Double) -> String {
        if n >= 1e6 { return trimmed(BudgetFormat.toFixed(n / 1e6, 1)) + "M" }
        if n >= 1000 { return BudgetFormat.toFixed(n / 1000, 0) + "k" }
        return BudgetFormat.toFixed(n, 0)
    }

    /// `1.0` → `1`, `2.5` → `2.5`.
    private static func trimmed(_ decimal: String) -> String {
        decimal.hasSuffix(".0") ? String(decimal.dropLast(2)) : decimal
    }

    /// `count` and its noun in agreement: `1 stream`, `16 streams`, `1,000 requests`.
    static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(integer(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// A day with its year: `7 Dec 2026`.
    static func date(_ day: Day) -> String {
        let parts = day.iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let date = Int(parts[2]), (1...12).contains(month) else {
            return day.iso
        }
        return "\(date) \(monthNames[month - 1]) \(parts[0])"
    }

    /// A day with its year, month first, for chart axes: `Dec 7, 2026`; `withYear: false` gives `Dec 7`
    /// for ticks whose year the axis title or first tick already states.
    static func shortDate(_ day: Day, withYear: Bool = true) -> String {
        let parts = day.iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let date = Int(parts[2]), (1...12).contains(month) else {
            return day.iso
        }
        return "\(monthNames[month - 1]) \(date)" + (withYear ? ", \(parts[0])" : "")
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Separators in the integer part of a decimal string: `"1234.50"` → `"1,234.50"`.
    private static func grouped(_ decimal: String) -> String {
        let parts = decimal.split(separator: ".", maxSplits: 1)
        let whole = groupedDigits(String(parts.first ?? ""))
        return parts.count == 2 ? whole + "." + parts[1] : whole
    }
}
