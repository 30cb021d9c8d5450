import Foundation
import SeekCore
import Sizing
import Testing
@testable import Site

/// The Trends page on small hand-made inputs: hostile names, empty series, no snapshot.
@Suite struct TrendsPageEdgeTests {
    static let hostile = "<img src=x onerror=alert(1)>"

    func entry(_ name: String, _ score: Double, open: Bool, cost: Double? = 1, display: String = "Overall") -> BenchmarkEntry {
        BenchmarkEntry(modelName: name, benchmarkName: "overall", benchmarkDisplayName: display, score: score, rank: 1,
                       costPerTask: cost, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                       openness: open ? "open_weights" : "closed_api_available")
    }

    func snapshot(_ entries: [BenchmarkEntry]) -> Snapshot {
        Snapshot(day: Day(daysSinceEpoch: 20_620), entries: entries, sota: [])
    }

    @Test func hostileModelNameRendersOnlyAsEscapedText() {
        let display = "All\" onmouseover=\"x"
        let snap = snapshot([entry("ClosedA", 80, open: false, display: display), entry(Self.hostile, 60, open: true, display: display)])
        let html = TrendsPage.render(SiteContent(latest: snap, history: [snap]))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        // The display name reaches attributes (table region labels) only escaped.
        #expect(html.contains("aria-label=\"Best closed and open-weights models at each leader change, All&quot; onmouseover=&quot;x\""))
        #expect(!html.contains("onmouseover=\"x\""))
        #expect(HTMLProbe.tableRows(HTMLProbe.section("gap", in: html)).first?[3] == "&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func emptySeriesShowTheEmptyMessages() {
        let onlyClosed = snapshot([entry("ClosedA", 80, open: false)])
        let html = TrendsPage.render(SiteContent(latest: onlyClosed, history: [onlyClosed]))
        for id in ["gap", "cost", "sota", "size", "api-costs"] {
            let section = HTMLProbe.section(id, in: html)
            #expect(section.contains("Not enough data for this category.") && !section.contains("<svg"), "\(id)")
        }
        #expect(HTMLProbe.section("nodes", in: html).contains("Not enough data yet."))
        #expect(HTMLProbe.section("scaling", in: html).contains("No scaling data available."))
        #expect(!HTMLProbe.main(html).contains("<svg"))
    }

    @Test func scalingFollowsTheBestSizedModelSaysSoAndOffersTheOthers() throws {
        var content = try ReferenceContent.load()
        content.models.removeAll { $0.modelName == "GLM-5.1" }  // the best open model, now not sized
        let section = HTMLProbe.section("scaling", in: TrendsPage.render(content))
        #expect(!section.contains("No scaling data available"))
        #expect(section.contains("the best open model on Overall that can be sized"))
        #expect(section.contains("Better-ranked open models left out because they cannot be sized on a priced setup: GLM-5.1"))
        // The model choice: hidden without JavaScript, one template per model, the first marked best sized.
        #expect(section.contains("<div class=\"filters\" hidden=\"hidden\"><label for=\"scaling-select\">Model</label>"))
        #expect(section.contains("data-variant-choice=\"scaling-choice\"") && section.contains("(best sized)</option>"))
        let templates = HTMLProbe.count("<template data-variant-of=\"scaling-choice\"", in: section)
        #expect(templates >= 2 && templates == HTMLProbe.count("<option value=", in: section))
        #expect(HTMLProbe.count("<svg", in: HTMLProbe.shown(section)) == 1)
    }

    @Test func aSinglePriceChangeIsATableAndANoteNotADot() {
        let snap = snapshot([entry("ClosedA", 80, open: false)])
        let history = PriceHistory(series: [
            PriceHistory.Point(date: Day(daysSinceEpoch: 20_600), prices: [.init(gpuName: "H100", usdPerNodeHour: 20)]),
        ])
        let section = HTMLProbe.section("nodes", in: TrendsPage.render(SiteContent(latest: snap, history: [snap], nodePrices: history)))
        #expect(!section.contains("<svg"))
        #expect(section.contains("One price change recorded so far (27 May 2026)"))
        #expect(HTMLProbe.tableRows(section) == [["27 May 2026", "$14,400"]])
    }

    @Test func noSnapshotSaysNoDataYet() {
        let files = TrendsPage.files(SiteContent())
        #expect(files.map(\.path) == ["trends/index.html"])
        #expect(files.first?.contents.contains("No data yet") == true)
        #expect(files.first?.contents.contains("<h1>Trends</h1>") == true)
    }

    @Test func nodePricesPlotWithGapsInTheFixedOrder() {
        let snap = snapshot([entry("ClosedA", 80, open: false)])
        let history = PriceHistory(series: [
            PriceHistory.Point(date: Day(daysSinceEpoch: 20_600), prices: [.init(gpuName: "H100", usdPerNodeHour: 20), .init(gpuName: "B300", usdPerNodeHour: 60)]),
            PriceHistory.Point(date: Day(daysSinceEpoch: 20_601), prices: [.init(gpuName: "H100", usdPerNodeHour: 19)]),
            PriceHistory.Point(date: Day(daysSinceEpoch: 20_602), prices: [.init(gpuName: "H100", usdPerNodeHour: 18), .init(gpuName: "B300", usdPerNodeHour: 58)]),
        ])
        let section = HTMLProbe.section("nodes", in: TrendsPage.render(SiteContent(latest: snap, history: [snap], nodePrices: history)))
        #expect(HTMLProbe.tableRows(section) == [["27 May 2026", "$43,200", "$14,400"], ["28 May 2026", "—", "$13,680"],
                                                 ["29 May 2026", "$41,760", "$12,960"]])
        #expect(section.contains("<th scope=\"col\" class=\"num\">8× B300</th><th scope=\"col\" class=\"num\">8× H100</th>"))
        // B300 has no price on the middle day: its line is two sub-paths (a gap), H100's is one.
        let paths = section.components(separatedBy: "<path").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(paths.count == 2 && HTMLProbe.count("M", in: paths[0]) == 2 && HTMLProbe.count("M", in: paths[1]) == 1)
    }
}
