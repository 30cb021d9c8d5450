import Foundation
import SeekCore
import Sizing
import Testing
@testable import Site

/// The "API vs. Self-Hosting Cost" chart of the Budget pages (reference-site.md §1.4.2, framing §2.19), on the
/// reference data: 8× RTXPRO6000 self-hosting Kimi-K2.6 against claude-fable-5, GPT-5.6 and Gemini-3.5-Flash.
@Suite struct BudgetChartTests {
    /// The API section of a Budget page (from its heading on).
    static func apiSection(_ content: SiteContent, folder: String = "budget/8x-rtxpro6000/") throws -> String {
        let page = try #require(BudgetPage.pages(content).first { $0.folder == folder })
        let html = page.render(content)
        return try #require(html.components(separatedBy: "id=\"budget-api-title\"").dropFirst().first)
    }

    /// The texts of the `<text class="CLASS" …>` elements of an SVG, in order.
    static func texts(_ svg: String, class name: String) -> [String] {
        svg.components(separatedBy: "<text class=\"\(name)\"").dropFirst().map { part in
            String(part.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
    }

    /// The value of the first `name="…"` attribute after `marker` in `html`.
    static func attribute(_ name: String, after marker: String, in html: String) -> String? {
        guard let start = html.range(of: marker) else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.range(of: " \(name)=\"") else { return nil }
        return String(rest[open.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theRTXPRO6000PageChartsTheThreeAPIsTheCurveTheFloorAndTheBreakEvens() throws {
        let api = try Self.apiSection(try ReferenceContent.load())
        #expect(HTMLProbe.count("<svg", in: api) == 1)
        let svg = HTMLProbe.svg(in: api)
        #expect(svg.contains("role=\"img\"") && svg.contains("aria-labelledby=\"budget-api-chart-title budget-api-chart-desc\""))
        #expect(svg.contains("<title id=\"budget-api-chart-title\">API vs. Self-Hosting Cost</title>"))
        #expect(svg.contains("<desc id=\"budget-api-chart-desc\">") && svg.contains("self-hosting Kimi-K2.6 on 8× RTXPRO6000"))
        // One flat solid line per closed model, coloured by lab; one dashed self-hosting path.
        #expect(HTMLProbe.count("<path class=\"chart-line\" d=", in: svg) == 3)
        for lab in ["amber", "blue", "violet"] {
            #expect(svg.contains("<g class=\"chart-series \(lab)\"><path class=\"chart-line\" d=\""), "\(lab)")
        }
        #expect(HTMLProbe.count("chart-line chart-dashed", in: svg) == 1)
        #expect(svg.contains("<g class=\"chart-series green\"><path class=\"chart-line chart-dashed\" d=\"M"))
        #expect(Self.texts(svg, class: "chart-point-label").prefix(3) == ["Claude Fable 5", "Gemini-3.5-Flash", "GPT-5.6"])
        // The floor and the break-evens (volume above the vertical line, utilisation beside the dot).
        #expect(svg.contains("class=\"chart-ref-line chart-ref-fine\""))
        #expect(Self.texts(svg, class: "chart-ref-label") == ["full-utilization $1.69 / 1k req", "41k", "82k", "289k"])
        #expect(Array(Self.texts(svg, class: "chart-point-label").dropFirst(3)) == ["0.7% used", "1.3% used", "4.7% used"])
        #expect(HTMLProbe.count("<circle class=\"chart-dot chart-hollow\"", in: svg) == 3)
        #expect(Self.texts(svg, class: "chart-axis-title") == ["Requests per month", "Cost per 1k requests"])
        #expect(svg.contains("<title>Break-even with GPT-5.6: 82k requests/mo, box 1.3% used</title>"))
        // Each dot sits on its API line, and the curve enters at the top edge of the plot (clipped at maxY).
        for lab in ["amber", "blue", "violet"] {
            let group = try #require(svg.components(separatedBy: "<g class=\"chart-series \(lab)\">").last)
            let lineY = try #require(Self.attribute("d", after: "<g class=\"chart-series \(lab)\">", in: svg)?.split(separator: " ").dropFirst().first)
            let lineStart = String(lineY.prefix { $0 != "L" })
            #expect(Self.attribute("cy", after: "<circle", in: group) == lineStart, "\(lab)")
        }
        let curve = try #require(Self.attribute("d", after: "<g class=\"chart-series green\">", in: svg))
        #expect(curve.hasPrefix("M") && curve.components(separatedBy: "L")[0].hasSuffix(" 20.0"))
        // Above the tables, which it points to; the legend names the series.
        let svgAt = try #require(api.range(of: "<svg")).lowerBound
        let tableAt = try #require(api.range(of: "<table id=\"budget-api-rates\"")).lowerBound
        #expect(svgAt < tableAt && api.contains("<a href=\"#budget-api-rates\">the table below</a>"))
        #expect(api.contains("chart-key chart-key-dashed green\" aria-hidden=\"true\"></span>Self-hosting Kimi-K2.6</li>"))
        #expect(api.contains("chart-key chart-key-line amber\" aria-hidden=\"true\"></span>Claude Fable 5 API</li>"))
    }

    @Test func everyCoordinateHasOneDecimalAndRenderingTwiceGivesTheSameBytes() throws {
        let content = try ReferenceContent.load()
        let first = try Self.apiSection(content)
        #expect(first == (try Self.apiSection(content)))
        let svg = HTMLProbe.svg(in: first)
        let paths = svg.components(separatedBy: " d=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(paths.count == 4)
        let numbers = paths.flatMap { $0.split(whereSeparator: { "MLHV ".contains($0) }) }
        #expect(numbers.count > 200 && numbers.allSatisfy { $0.range(of: #"^-?\d+\.\d$"#, options: .regularExpression) != nil })
        // Compact: one path per series, well under 10 kB for the whole chart.
        let figure = try #require(first.components(separatedBy: "<figure").dropFirst().first?.components(separatedBy: "</figure>").first)
        #expect(figure.count < 10_000)
    }

    @Test func hostileAPINamesAndLabsAreEscaped() throws {
        var content = try ReferenceContent.load()
        let hostile = "<img src=x onerror=alert(1)>"
        content.apiPrices.append(APIPrice(modelName: hostile, lab: "<b>lab</b>", inputCostPerToken: 3e-6, outputCostPerToken: 1.5e-5))
        let svg = HTMLProbe.svg(in: try Self.apiSection(content))
        // A name that is not a lowercase slug shows as published; the line label, its title and the break-even's title are escaped text.
        #expect(svg.contains(">&lt;img src=x onerror=alert(1)&gt;</text>"))
        #expect(svg.contains("(&lt;b&gt;lab&lt;/b&gt; API)") && svg.contains("<title>Break-even with &lt;img src"))
        #expect(!svg.lowercased().contains("<img") && !svg.contains("<b>"))
        #expect(svg.contains("<g class=\"chart-series muted\"><path class=\"chart-line\""))  // unknown lab: grey
        let withoutAttributes = svg.replacingOccurrences(of: #"\s[a-zA-Z0-9-]+="[^"<>]*""#, with: "", options: .regularExpression)
        #expect(!withoutAttributes.contains("=\""))
    }

    @Test func withoutABreakEvenTheChartStillDrawsTheCurveAndTheFloor() throws {
        var content = try ReferenceContent.load()
        content.apiPrices = [APIPrice(modelName: "cheap-1", lab: "openai", inputCostPerToken: 1e-12, outputCostPerToken: 1e-12)]
        let api = try Self.apiSection(content)
        #expect(api.contains("no break-even"))
        let svg = HTMLProbe.svg(in: api)
        #expect(svg.contains("chart-line chart-dashed") && svg.contains(">full-utilization $1.69 / 1k req</text>"))
        #expect(!svg.contains("<circle") && !svg.contains("% used") && !api.contains("Break-even (box utilization needed)"))
        // §2.19 framing without a break-even: 100 to 2 × the box's monthly capacity.
        #expect(svg.contains("from 100 to 12.3M requests"))
    }

    @Test func withoutCapacityTheCurveHasNoFloorAndTheDotsNoUtilization() {
        let row = BudgetAPISection.APIRow(price: APIPrice(modelName: "gpt-x", lab: "openai", inputCostPerToken: 1, outputCostPerToken: 1),
                                          costPerRequest: 0.01)
        let cost = SelfHostingCost(baseMonthlyCost: 1000, maxRequestsPerMonth: nil)
        let evens = cost.breakEvens(apiCosts: [("gpt-x", 0.01)])
        let svg = BudgetAPIChart(rows: [row], cost: cost, breakEvens: evens, openModel: "M", boxLabel: "1× H100")
            .chart.render().render()
        #expect(svg.contains("chart-line chart-dashed") && !svg.contains("full-utilization"))
        #expect(HTMLProbe.count("<circle class=\"chart-dot chart-hollow\"", in: svg) == 1 && !svg.contains("% used"))
        #expect(Self.texts(svg, class: "chart-ref-label") == ["100k"])  // the break-even volume B / p
    }

    @Test func noPricingOrNoOfferingMeansNoChart() throws {
        var content = try ReferenceContent.load()
        content.apiPrices = []
        let noPricing = try Self.apiSection(content)
        #expect(noPricing.contains("No API pricing data available.") && !noPricing.contains("<svg"))
        content = try ReferenceContent.load()
        let preset = try #require(BudgetPreset.list(content).first)
        var search = try #require(content.search)
        let latest = try #require(content.latest)
        let points = Budget.chartPoints(config: preset.config, models: content.models, entries: latest.entries,
                                        sota: latest.sota.first { $0.benchmarkName == "overall" }, category: "overall",
                                        memoryUtilization: 0.9, search: search)
        search.offerings.removeAll { $0.gpuName == preset.config.gpuName }
        let section = BudgetAPISection(points: points, preset: preset, models: content.models, apiPrices: content.apiPrices,
                                       search: search, memoryUtilization: 0.9).node.render()
        #expect(section.contains("No GPU offering found for the selected GPU configuration.") && !section.contains("<svg"))
    }

    // MARK: §2.19 framing and §1.4.2 labels

    @Test func framingFollowsTheReference() {
        let cost = SelfHostingCost(baseMonthlyCost: 10_368, maxRequestsPerMonth: 6_131_291.67)
        let prices = [0.253390, 0.126025, 0.035933]
        let evens = cost.breakEvens(apiCosts: zip(["a", "b", "c"], prices).map { ($0, $1) })
        let frame = BudgetAPIChart.framing(apiCosts: prices, cost: cost, breakEvens: evens)
        #expect(frame.minX == 2885)  // round(288,537 × 0.01)
        #expect(abs(frame.maxX - (2885 + (10_368 / 0.035933 - 2885) / 0.8)) < 1e-6 && frame.maxX > 359_000)
        #expect(abs(frame.maxY - 0.253390 * 1.6) < 1e-12)
        let none = BudgetAPIChart.framing(apiCosts: [1e-9], cost: cost, breakEvens: [])
        #expect(none.minX == 100 && abs(none.maxX - 2 * 6_131_291.67) < 1e-6)
        let noCapacity = BudgetAPIChart.framing(apiCosts: [], cost: SelfHostingCost(baseMonthlyCost: 1, maxRequestsPerMonth: nil),
                                                breakEvens: [])
        #expect(noCapacity == .init(minX: 100, maxX: 10_000, maxY: 1.6))
    }

    @Test func yTicksAreTheReferencesNiceSteps() {
        let ticks = BudgetAPIChart.yTicks(maxY: 0.253390 * 1.6)
        #expect(ticks.count == 3 && ticks[0] == 0 && abs(ticks[1] - 0.2) < 1e-12 && abs(ticks[2] - 0.4) < 1e-12)
        #expect(BudgetAPIChart.yTicks(maxY: 0) == [0])
        #expect(BudgetAPIChart.yTicks(maxY: 1.6).count == 5)  // step 0.4
        #expect(BudgetAPIChart.yTicks(maxY: 0.0027).map { BudgetFormat.perThousand($0) } == ["$0", "$0.700", "$1.40", "$2.10"])
    }

    @Test func lineLabelsArePushedApartByPriceDescending() {
        // gap = 0.06 × maxY = 10
        let maxY = 10 / 0.06
        #expect(BudgetAPIChart.lineLabelValues([99, 100, 98], maxY: maxY).map { $0.rounded() } == [90, 100, 80])
        #expect(BudgetAPIChart.lineLabelValues([253, 126, 36], maxY: maxY) == [253, 126, 36])
        #expect(BudgetAPIChart.lineLabelValues([5, 4], maxY: maxY).map { $0.rounded() } == [5, 10])  // never below the gap
    }

    @Test func utilizationLabelsAndLabColoursFollowTheReference() {
        #expect(BudgetAPIChart.utilizationLabel(0.6673) == "0.7% used" && BudgetAPIChart.utilizationLabel(4.71) == "4.7% used")
        #expect(BudgetAPIChart.utilizationLabel(9.96) == "10.0% used" && BudgetAPIChart.utilizationLabel(13.4) == "13% used")
        #expect(BudgetAPIChart.utilizationLabel(10) == "10% used")
        #expect(["anthropic", "openai", "google", "mistral"].map(BudgetAPIChart.color(lab:)) == [.amber, .blue, .violet, .muted])
    }
}
