import Foundation
import SeekCore
@testable import Site
import Sizing
import Testing
import TestSupport

/// The site's one set of formats (``SiteFormat``), and a sweep of every rendered page for the mixed styles
/// they replace: `1 streams`, `70.6 %` beside `0.7%`, `$19,828.80/mo` beside `$35,194/mo`, `1494 GB` beside `1,719 GB`.
@Suite struct SiteFormatTests {
    @Test(arguments: [(3.08, "$3.08"), (1234.5, "$1,234.50"), (0.125, "$0.13"), (0, "$0.00")])
    func perHourHasCents(value: Double, text: String) {
        #expect(SiteFormat.perHour(value) == text)
    }

    @Test(arguments: [(21_600.0, "$21,600"), (19_828.8, "$19,829"), (792.4, "$792"), (0.4, "$0"), (-1500, "-$1,500")])
    func perMonthIsWholeDollarsWithSeparators(value: Double, text: String) {
        #expect(SiteFormat.perMonth(value) == text)
    }

    @Test(arguments: [(1078.27, "$1,078"), (236.0, "$236"), (99.994, "$99.99"), (23.4, "$23.40"), (0.42, "$0.42"),
                      (0.004, "<$0.01"), (0, "$0.00")])
    func otherAmountsAreWholeFromAHundredDollars(value: Double, text: String) {
        #expect(SiteFormat.money(value) == text)
    }

    @Test func percentsHaveOneStyle() {
        #expect(SiteFormat.percent(fraction: 0.706) == "70.6%")
        #expect(SiteFormat.percent(fraction: 0.9, digits: 0) == "90%")
        #expect(SiteFormat.percent(0.6673) == "0.7%" && SiteFormat.percent(100) == "100.0%")
        #expect(BudgetFormat.utilization(0.6673) == "0.7%" && BudgetFormat.utilization(13.4) == "13%")
    }

    @Test func datesCarryTheirYear() throws {
        let day = try #require(Day(iso: "2026-12-07"))
        #expect(SiteFormat.date(day) == "7 Dec 2026")
        #expect(SiteFormat.shortDate(day) == "Dec 7, 2026" && SiteFormat.shortDate(day, withYear: false) == "Dec 7")
        // A date axis states each year once: at the first label and where the year changes.
        let days = try ["2025-12-30", "2026-01-02", "2026-03-01"].map { try #require(Day(iso: $0)) }
        #expect(Day.axisLabels(days) == ["Dec 30, 2025", "Jan 2, 2026", "Mar 1"])
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(SiteFormat.count(1, "stream") == "1 stream" && SiteFormat.count(16, "stream") == "16 streams")
        #expect(SiteFormat.count(1, "box", plural: "boxes") == "1 box" && SiteFormat.count(2, "box", plural: "boxes") == "2 boxes")
        #expect(SiteFormat.count(1000, "request") == "1,000 requests" && SiteFormat.count(0, "model") == "0 models")
    }

    @Test func quantitiesHaveSeparators() {
        #expect(SiteFormat.gigabytes(1494.4) == "1,494 GB" && SiteFormat.gigabytes(96) == "96 GB" && SiteFormat.gigabytes(22.5) == "22.5 GB")
        #expect(SiteFormat.integer(10_368) == "10,368" && SiteFormat.number(1719.44, digits: 1) == "1,719.4")
        #expect(SiteFormat.tokensPerSecond(1234.4) == "1,234 tok/s")
        #expect(SiteFormat.requests(1_000_000) == "1M" && SiteFormat.requests(2_540_000) == "2.5M"
                && SiteFormat.requests(170_400) == "170k" && SiteFormat.requests(900) == "900")
    }

    @Test func displayNamesComeFromOneRule() {
        #expect(DisplayName.model("claude-opus-4-5") == "Claude Opus 4.5")
        #expect(DisplayName.model("GPT-5.6") == "GPT-5.6" && DisplayName.model("GLM-5.1") == "GLM-5.1")
        #expect(DisplayName.model("<img src=x>") == "<img src=x>" && DisplayName.model("a\"b") == "a\"b")
    }

    /// Every page of the reference data, rendered for the default scenario, read as text without tags.
    static func pages() throws -> [(path: String, text: String)] {
        let content = try ReferenceContent.load()
        return SiteWriter.files(content, scenarios: [Scenario.default]).filter { $0.path.hasSuffix(".html") }.map { file in
            let text = file.contents
                .replacingOccurrences(of: #"<(script|style)[^>]*>[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&amp;", with: "&")
            return (file.path, text)
        }
    }

    @Test func noPageMixesStyles() throws {
        let pages = try Self.pages()
        #expect(pages.count > 100)
        let rules: [(name: String, pattern: String)] = [
            ("a plural noun after 1", #"(?<![\d.,])1 (streams|requests|boxes|models|GPUs|snapshots|developers|tokens)\b"#),
            ("a space before %", #"\d %"#),
            ("cents on a monthly or large amount", #"\$\d{1,3}(,\d{3})+\.\d\d(?!\s*/\s*h)"#),
            ("cents at $100 or more", #"\$[1-9]\d{2}\.\d\d(?!\s*/\s*h)"#),
            ("a four-digit number without a separator before a unit", #"(?<![\d.,])\d{4,}(\.\d+)? (GB|tok/s|requests|streams)\b"#),
        ]
        for (path, text) in pages {
            for rule in rules {
                if let range = text.range(of: rule.pattern, options: .regularExpression) {
                    let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                    let end = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
                    Issue.record("\(path): \(rule.name): …\(text[start..<end])…")
                }
            }
        }
    }
}
