import Foundation
import SeekCore
import Sizing
import Testing
import TestSupport
@testable import Site

/// The Trends page on the reference implementation's published data, against reference-site.md §4.9
/// ("Trends, overall"), plus empty inputs, escaping and determinism.
@Suite struct TrendsPageTests {
    static let sections = ["gap", "cost", "sota", "size", "api-costs", "nodes", "scaling"]

    func overall() throws -> String { TrendsPage.render(try TrendsReference.content()) }

    @Test func gapTableHasTheGoldenLeaderChanges() throws {
        let rows = HTMLProbe.tableRows(HTMLProbe.section("gap", in: try overall()))
        let expected = [
            ["28 Jan 2026", "claude-opus-4-5", "60.6", "DeepSeek-V3.2-Reasoner", "45.7"],
            ["31 Jan 2026", "claude-opus-4-5", "60.6", "Kimi-K2.5", "49.2"],
            ["9 Feb 2026", "claude-opus-4-6", "66.7", "Kimi-K2.5", "49.2"],
            ["12 Mar 2026", "claude-opus-4-6", "66.7", "GLM-5", "49.4"],
            ["23 Apr 2026", "claude-opus-4-7", "69.7", "GLM-5.1", "58.2"],
            ["2 Jun 2026", "claude-opus-4-8", "71.9", "GLM-5.1", "58.2"],
            ["16 Jun 2026", "claude-fable-5", "81.0", "GLM-5.1", "58.2"],
        ]
        #expect(rows.map { Array($0.prefix(5)) } == expected)
        #expect(rows.last?.last == "22.8")  // gap in points: 81.0 − 58.2
    }

    @Test func sotaAndAPICostTablesHaveTheGoldenValues() throws {
        let html = try overall()
        let sota = HTMLProbe.tableRows(HTMLProbe.section("sota", in: html))
        #expect(sota.map(\.last) == ["75.4%", "81.2%", "73.8%", "74.1%", "83.5%", "80.9%", "71.9%"])
        let api = HTMLProbe.tableRows(HTMLProbe.section("api-costs", in: html))
        #expect(api.map { $0[2] } == ["$3.08", "$3.08", "$2.34", "$2.34", "$2.31", "$2.46", "$5.54"])
        #expect(api.map { $0[4] } == ["$0.22", "$0.82", "$0.82", "$1.03", "$3.00", "$3.00", "$3.00"])
    }

    @Test func costTrendShowsTodaysGoldenSetupsAndSaysWhichPointsAreHistorical() throws {
        let section = HTMLProbe.section("cost", in: try overall())
        let rows = HTMLProbe.tableRows(section)
        #expect(rows.map { $0[7] } == ["6× H200", "8× RTXPRO6000", "8× RTXPRO6000", "8× B300", "8× B300", "8× B300", "8× B300"])
        #expect(rows.map { $0[8] } == ["$19,829", "$10,368", "$10,368", "$43,200", "$43,200", "$43,200", "$43,200"])
        // decisions.md 18: the plotted cost uses the recorded node prices where the history has the setup.
        let priced = rows.map { $0[6] }
        #expect(priced.allSatisfy { $0 == "price history" || $0 == "today's prices" })
        #expect(priced.contains("price history"))
        #expect(HTMLProbe.count("chart-hollow", in: HTMLProbe.svg(in: section)) == priced.filter { $0 == "today's prices" }.count)
        #expect(section.contains("1× H100 80GB ($2,340/mo)") && section.contains("1× H200 141GB ($2,880/mo)"))
        #expect(section.contains("at the default settings (50k input / 1k output tokens, FP16 KV, 90% memory)"))
    }

    @Test func scalingIsGLM51On8B300UpTo95Streams() throws {
        let section = HTMLProbe.section("scaling", in: try overall())
        #expect(section.contains("for GLM-5.1, the best open model on Overall"))
        let rows = HTMLProbe.tableRows(section)
        #expect(rows.map(\.first) == ["1"] + stride(from: 5, through: 95, by: 5).map(String.init))
        #expect(rows.allSatisfy { $0[1] == "8× B300" && $0[2] == "$43,200" })
        #expect(rows.first?[3] == "1%" && rows[10][3] == "51%" && rows.last?[3] == "96%")
        #expect(section.contains("at the default settings (50k input / 1k output tokens, FP16 KV, 90% memory)"))
    }

    @Test func frontendGapHasEightPoints() throws {
        let content = try TrendsReference.content()
        let rows = HTMLProbe.tableRows(HTMLProbe.section("gap", in: TrendsPage.render(content, category: "frontend")))
        #expect(rows.count == 8)
        #expect(rows.first?[3] == "Kimi-K2-Thinking" && rows.first?[4] == "32.4")
        #expect(rows.contains { $0[1] == "Gemini-3.1-Pro" && $0[0] == "6 Mar 2026" })
    }

    @Test func everyChartHasATitleAndDescriptionAndScalesToWidth() throws {
        let html = try overall()
        #expect(HTMLProbe.count("<svg", in: HTMLProbe.shown(HTMLProbe.main(html))) == 7)
        for id in Self.sections {
            let svg = HTMLProbe.svg(in: HTMLProbe.section(id, in: html))
            #expect(svg.contains("role=\"img\"") && svg.contains("viewBox=\"0 0 720 360\""), "\(id)")
            #expect(svg.contains("aria-labelledby=\"\(id)-chart-title \(id)-chart-desc\""), "\(id)")
            #expect(svg.contains("<title id=\"\(id)-chart-title\">") && svg.contains("<desc id=\"\(id)-chart-desc\">"), "\(id)")
        }
        #expect(SiteAssets.css.contains(".chart-svg { display: block; width: 100%;"))
    }

    @Test func plottedPointsMatchDataTableRows() throws {
        let html = try overall()
        // Dots per table row: two lines on gap, API costs and scaling (cost + utilisation), one elsewhere.
        for (id, perRow) in [("gap", 2), ("cost", 1), ("sota", 1), ("size", 1), ("api-costs", 2), ("scaling", 2)] {
            let section = HTMLProbe.section(id, in: html)
            let rows = HTMLProbe.tableRows(section)
            #expect(!rows.isEmpty, "\(id)")
            #expect(HTMLProbe.count("<circle", in: HTMLProbe.svg(in: section)) == rows.count * perRow, "\(id)")
        }
        let nodes = HTMLProbe.section("nodes", in: html)
        let cells = HTMLProbe.tableRows(nodes).flatMap { $0.dropFirst() }
        #expect(HTMLProbe.count("<circle", in: HTMLProbe.svg(in: nodes)) == cells.filter { $0 != "—" }.count)
        #expect(HTMLProbe.tableRows(nodes).count == 40)
    }

    @Test func filesCoverOverallAndEveryPathSafeCategory() throws {
        var content = try TrendsReference.content()
        let files = TrendsPage.files(content)
        #expect(files.first?.path == "trends/index.html")
        #expect(files.map(\.path).contains("trends/frontend/index.html") && files.count == 6)
        #expect(files.first?.contents.contains("href=\"../trends/frontend/\"") == true)
        #expect(files.first { $0.path == "trends/frontend/index.html" }?.contents.contains("href=\"../../assets/site.css\"") == true)
        content.latest?.entries.append(BenchmarkEntry(
            modelName: "GLM-5.1", benchmarkName: "../x", benchmarkDisplayName: "X", score: 1, rank: 1, costPerTask: nil,
            benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index", openness: "open_weights"))
        #expect(!TrendsPage.files(content).contains { $0.path.contains("..") })
        #expect(SiteWriter.files(content, scenarios: []).contains { $0.path == "trends/index.html" })
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let content = try TrendsReference.content()
        let first = TrendsPage.files(content)
        let second = TrendsPage.files(try TrendsReference.content())
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
    }
}
