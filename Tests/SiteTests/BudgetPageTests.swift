import Feeds
import Foundation
import SeekCore
import Sizing
import Testing
import TestSupport
@testable import Site

/// The Budget pages on the reference implementation's published data (`shared/data/reference`),
/// against reference-site.md §1.4, §2.19 and the §4.9 Budget golden paragraph.
@Suite struct BudgetPageTests {
    static let reference = Fixtures.shared("reference")

    /// The reference data as site content (shared loader).
    static func content() throws -> SiteContent { try ReferenceContent.load() }

    static let hostile = "<img src=x onerror=alert(1)>"

    // MARK: HTML helpers

    /// The `<tr …>` of the capacity table whose `data-model` is `model`, or nil.
    func row(_ html: String, _ model: String) -> String? {
        let marker = "data-model=\"\(attributeValue(model))\""
        guard let start = html.range(of: marker) else { return nil }
        return String(html[start.upperBound...]).components(separatedBy: "</tr>")[0]
    }

    /// The text of each `<td>` of a row, tags removed.
    func cells(_ row: String) -> [String] {
        row.components(separatedBy: "<td").dropFirst().map { cell in
            let inner = cell.drop { $0 != ">" }.dropFirst()
            return String(inner).components(separatedBy: "</td>")[0]
                .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
    }

    /// Every `data-model` value of the page, in order.
    func modelOrder(_ html: String) -> [String] {
        html.components(separatedBy: "data-model=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    // MARK: Presets and pages

    @Test func presetsAreTheReferenceListInOrderWithBadges() throws {
        let presets = BudgetPreset.list(try Self.content())
        #expect(presets.map(\.config.label) == ["8× RTXPRO6000 96GB", "4× B200 180GB", "4× B300 288GB", "8× H200 141GB",
                                                "8× B200 180GB", "8× B300 288GB", "4× GB200 189GB"])
        #expect(presets.map(\.badge) == ["PCIe", "NVSwitch", "NVSwitch", "NVSwitch", "NVSwitch", "NVSwitch", "PCIe"])
        #expect(presets.first?.monthlyCost == 10_368)
        let pages = BudgetPage.pages(try Self.content())
        #expect(pages.map(\.folder) == ["budget/", "budget/8x-rtxpro6000/", "budget/4x-b200/", "budget/4x-b300/",
                                        "budget/8x-h200/", "budget/8x-b200/", "budget/8x-b300/", "budget/4x-gb200/"])
        let html = pages[0].render(try Self.content())
        #expect(html.contains("<title>Budget: 8× RTXPRO6000 96GB · Coding Model Seeks GPU</title>"))
        #expect(html.contains("aria-current=\"page\">Budget</a>"))
        #expect(html.contains("Selected: <strong>8× RTXPRO6000 96GB</strong> (768 GB total VRAM)"))
        // The selector links every preset; on budget/ the first is current.
        #expect(html.contains("<a href=\"../budget/8x-rtxpro6000/\" aria-current=\"page\"><span class=\"preset-label\">8× RTXPRO6000 96GB</span><span class=\"badge interconnect\">PCIe</span><span class=\"preset-cost\">$10,368/mo</span></a>"))
        #expect(html.contains("<a href=\"../budget/8x-h200/\"><span class=\"preset-label\">8× H200 141GB</span><span class=\"badge interconnect\">NVSwitch</span>"))
        #expect(html.components(separatedBy: "aria-current=\"page\"").count - 1 == 2)  // site nav + preset
        let h200 = pages[4].render(try Self.content())
        #expect(h200.contains("<a href=\"../../budget/8x-h200/\" aria-current=\"page\">"))
        #expect(!h200.contains("<a href=\"../../budget/8x-rtxpro6000/\" aria-current"))
        #expect(h200.contains("Selected: <strong>8× H200 141GB</strong> (1,128 GB total VRAM)"))
        #expect(h200.contains("data-scenario-page=\"budget/8x-h200/\"") && h200.contains("data-root=\"../../\""))
        // Budget ranks by overall and points to the Performance page for categories.
        #expect(html.contains("overall OpenHands Index score") && html.contains("<a href=\"../\">Performance page</a>"))
    }

    @Test func slugsArePathSafe() {
        #expect(BudgetPreset.slug(gpuCount: 8, gpuName: "RTXPRO6000") == "8x-rtxpro6000")
        #expect(BudgetPreset.slug(gpuCount: 4, gpuName: "A100_80G") == "4x-a100_80g")
        #expect(BudgetPreset.slug(gpuCount: 4, gpuName: "../etc") == nil)
        #expect(BudgetPreset.slug(gpuCount: 4, gpuName: "a/b") == nil)
        #expect(BudgetPreset.slug(gpuCount: 4, gpuName: Self.hostile) == nil)
        #expect(BudgetPreset.slug(gpuCount: 4, gpuName: "") == nil)
        #expect(BudgetPreset.slug(gpuCount: 0, gpuName: "H100") == nil)
    }

    @Test func unsafeGPUNamesGetNoPage() throws {
        var content = try Self.content()
        let cheapest = try #require(content.offerings.first { $0.gpuName == "RTXPRO6000" && $0.gpuCount == 8 })
        var hostile = cheapest
        hostile.gpuName = "../x"
        hostile.pricePerHour = 0.01  // cheapest of all: would be the first preset
        content.offerings.append(hostile)
        let folders = BudgetPage.pages(content).map(\.folder)
        #expect(folders.count == 8 && !folders.contains { $0.contains("..") })
        #expect(folders[1] == "budget/8x-rtxpro6000/")
    }

    // MARK: Serving capacity (§4.9 golden)

    @Test func capacityMatchesTheGoldenParagraph() throws {
        let content = try Self.content()
        let html = BudgetPage.pages(content)[0].render(content)
        let expectedOrder = ["GLM-5.1", "MiniMax-M3", "Kimi-K2.6", "GLM-5", "Kimi-K2.5", "DeepSeek-V3.2-Reasoner",
                             "MiniMax-M2.5", "Qwen3-Coder-Next", "MiniMax-M2.7", "GLM-4.7", "MiniMax-M2.1",
                             "Kimi-K2-Thinking", "DeepSeek-V4-Pro", "MiniMax-M3-MXFP8", "Kimi-K2.7-Code", "GLM-5.2-FP8",
                             "GLM-5.2"]
        #expect(modelOrder(html) == expectedOrder)
        // Columns: score, % of SOTA, fits, streams, decode, requests/h, team @ 200, weights.
        let kimi = cells(try #require(row(html, "Kimi-K2.6")))
        #expect(Array(kimi.prefix(7)) == ["57.1", "70.5%", "Yes", "25", "89 tok/s", "8.5k", "42"])
        for name in ["Kimi-K2.5", "Kimi-K2-Thinking", "Kimi-K2.7-Code"] {
            #expect(Array(cells(try #require(row(html, name))).dropFirst(3).prefix(4)) == ["25", "89 tok/s", "8.5k", "42"], "\(name)")
        }
        for name in ["MiniMax-M2.5", "MiniMax-M2.7", "MiniMax-M2.1"] {
            #expect(Array(cells(try #require(row(html, name))).dropFirst(3).prefix(4)) == ["37", "117 tok/s", "27.2k", "136"], "\(name)")
        }
        #expect(Array(cells(try #require(row(html, "Qwen3-Coder-Next"))).dropFirst(2).prefix(5))
            == ["Yes", "452", "—", "Not modeled", "—"])
        #expect(Array(cells(try #require(row(html, "MiniMax-M3-MXFP8"))).prefix(5)) == ["—", "—", "Yes", "39", "—"])
        #expect(try #require(row(html, "Kimi-K2.7-Code")).contains("Unranked"))
        #expect(try #require(row(html, "Kimi-K2.6")).contains("href=\"../models/Kimi-K2.6/\""))
        let noVRAM = ["GLM-5.1", "MiniMax-M3", "GLM-5", "DeepSeek-V3.2-Reasoner", "GLM-4.7", "DeepSeek-V4-Pro",
                      "GLM-5.2-FP8", "GLM-5.2"]
        for name in noVRAM {
            #expect(cells(try #require(row(html, name)))[2] == "Not enough VRAM", "\(name)")
        }
        // As in the reference, the first note lists modeled models only; unmodeled ones (fitting or not) go to the second.
        #expect(html.contains("The current GPU setup cannot accommodate GLM-5.1, GLM-5, DeepSeek-V3.2-Reasoner, "
            + "GLM-4.7, GLM-5.2-FP8, and GLM-5.2. Try a larger setup."))
        #expect(html.contains("Some architectures are not supported in our capacity calculations: MiniMax-M3, "
            + "Qwen3-Coder-Next, DeepSeek-V4-Pro, and MiniMax-M3-MXFP8."))
        for absent in ["Qwen3.5-Flash", "Nemotron-3-Super", "Trinity-Large-Thinking", "Qwen3-Coder-480B", "Nemotron-3-Nano"] {
            #expect(!html.contains(absent), "\(absent)")
        }
        // The bar of the largest rate is full width; the number is text beside it.
        #expect(html.contains("<span class=\"rate-value\">27.2k</span><span class=\"bar\" aria-hidden=\"true\"><span class=\"bar-fill\" style=\"width: 100.0%\">"))
    }

    @Test func capacityNumbersAreTheGoldenOnes() throws {
        let content = try Self.content()
        let preset = try #require(BudgetPreset.list(content).first)
        let latest = try #require(content.latest)
        let points = Budget.chartPoints(config: preset.config, models: content.models, entries: latest.entries,
                                        sota: latest.sota.first { $0.benchmarkName == "overall" }, category: "overall",
                                        memoryUtilization: 0.9, search: try #require(content.search))
        let kimi = try #require(points.first { $0.modelName == "Kimi-K2.6" })
        #expect(abs((kimi.requestsPerHour ?? 0) - 8515.7) < 0.05)
        #expect(abs((kimi.deploymentEstimate?.aggregateTokS ?? 0) - 10_377.7) < 0.05)
        #expect(abs((kimi.decodeThroughputTokS ?? 0) - 89.35) < 0.005)
        let minimax = try #require(points.first { $0.modelName == "MiniMax-M2.5" })
        #expect(abs((minimax.requestsPerHour ?? 0) - 27_243.2) < 0.05)
    }

    // MARK: API vs. self-hosting (§2.19 today)

    @Test func apiSectionComparesKimiK26WithTheClosedAPIs() throws {
        let content = try Self.content()
        let html = BudgetPage.pages(content)[0].render(content)
        let api = try #require(html.components(separatedBy: "id=\"budget-api-title\"").last)
        #expect(api.contains("Self-hosting <strong>Kimi-K2.6</strong> on <strong>8× RTXPRO6000</strong> · <strong>$10,368/mo</strong>"))
        // Cost per 1k requests, break-even volume and utilisation: fable 0.253390 → 40,917 (0.67 %),
        // GPT-5.6 0.126025 → 82,269 (1.34 %), Gemini 0.035933 → 288,541 (4.71 %); floor $1.69 / 1k.
        let fable = cells(try #require(api.components(separatedBy: "data-api-model=\"claude-fable-5\"").dropFirst().first))
        #expect(Array(fable.prefix(3)) == ["$253", "41k requests/mo", "0.7% used"])
        let gpt = cells(try #require(api.components(separatedBy: "data-api-model=\"GPT-5.6\"").dropFirst().first))
        #expect(Array(gpt.prefix(3)) == ["$126", "82k requests/mo", "1.3% used"])
        let gemini = cells(try #require(api.components(separatedBy: "data-api-model=\"Gemini-3.5-Flash\"").dropFirst().first))
        #expect(Array(gemini.prefix(3)) == ["$35.93", "289k requests/mo", "4.7% used"])
        #expect(api.contains("Claude Fable 5") && api.contains("Anthropic API") && api.contains("Gemini-3.5-Flash"))
        #expect(api.contains("$1.69 / 1k req") && api.contains("6.1M requests/mo"))
        // Monthly cost: at 10k requests fable costs $2.5k and one box $10.4k; at 10M the box needs 2 boxes.
        #expect(api.contains("<strong>$359/mo</strong>"))  // Gemini at 10k is the cheapest option
        #expect(api.contains("$2,534/mo") && api.contains("$10,368/mo") && api.contains("(2 boxes)"))
        #expect(api.contains("<strong>$20,736/mo</strong>"))  // self-hosting at 10M (2 boxes) is the cheapest there
        #expect(api.contains("Models served by this GPU config"))
        #expect(api.contains("<li><strong>Kimi-K2.6 (70.5% of SOTA at 8.5k req/h)</strong></li>"))
        #expect(api.contains("<li>MiniMax-M2.5 (55.8% of SOTA at 27k req/h)</li>"))
        #expect(api.contains("<li>Kimi-K2.7-Code (8.5k req/h)</li>"))
        #expect(api.contains("Capacity is not modeled for these architectures, so they're excluded above: Qwen3-Coder-Next, MiniMax-M3-MXFP8."))
        #expect(!api.contains("no break-even"))
    }

    @Test func apiSectionMessages() throws {
        var content = try Self.content()
        content.apiPrices = []
        #expect(BudgetPage.pages(content)[0].render(content).contains("No API pricing data available."))
        // Every API cheaper than the box floor: no break-even.
        content = try Self.content()
        content.apiPrices = [APIPrice(modelName: "cheap-1", lab: "openai", inputCostPerToken: 1e-12, outputCostPerToken: 1e-12)]
        let html = BudgetPage.pages(content)[0].render(content)
        #expect(html.contains("At this box's full-utilization cost ($1.69 / 1k req), self-hosting Kimi-K2.6 stays pricier "
            + "than every API option shown — no break-even."))
        #expect(html.contains("Cheap 1"))
    }

    @Test func aGPUWithoutDatasheetSaysNotEstimatedRatherThanNotEnoughVRAM() throws {
        // GB200 has no gpu_specs.json row: the engine reports "Not enough VRAM for KV cache" for every model whose
        // weights fit (as the reference does); the page says it could not estimate them.
        let content = try Self.content()
        let page = try #require(BudgetPage.pages(content).first { $0.folder == "budget/4x-gb200/" })
        let html = page.render(content)
        #expect(cells(try #require(row(html, "Kimi-K2.6")))[2] == "Not estimated")
        #expect(cells(try #require(row(html, "GLM-5.1")))[2] == "Not enough VRAM")
        #expect(!html.contains("Not enough VRAM for KV cache"))
        #expect(html.contains("There is no datasheet for GB200 in our GPU specs"))
        #expect(html.contains("The current GPU setup cannot accommodate GLM-5.1, GLM-5, DeepSeek-V3.2-Reasoner, GLM-4.7, "
            + "GLM-5.2-FP8, and GLM-5.2. Try a larger setup."))
        #expect(html.contains("Throughput cannot be estimated without a datasheet for GB200"))
        // With a datasheet (8× H200) the usual reason stays.
        let h200 = try #require(BudgetPage.pages(content).first { $0.folder == "budget/8x-h200/" }).render(content)
        #expect(!h200.contains("Not estimated") && !h200.contains("no datasheet"))
    }

    @Test func budgetPagesDoNotUseTheSelectedCategorysPresetsButOverall() throws {
        // Only overall is rendered: the preset list is the overall one even when a category ranks differently.
        let content = try Self.content()
        let search = try #require(content.search)
        let latest = try #require(content.latest)
        let overall = Budget.presets(category: "overall", models: content.models, entries: latest.entries, search: search)
        #expect(BudgetPreset.list(content).map(\.config) == overall)
    }

    // MARK: Scenarios

    @Test func aNonDefaultScenarioChangesTheRegionButNotThePages() throws {
        let content = try Self.content()
        let page = try #require(BudgetPage.pages(content).first)
        let base = page.region(content).render()
        let mem95 = Scenario(avgInputTokens: 50_000, avgOutputTokens: 1_000, kvCachePrecision: .fp16, memoryUtilization: 0.95)
        let fp8 = Scenario(avgInputTokens: 50_000, avgOutputTokens: 1_000, kvCachePrecision: .auto, memoryUtilization: 0.90)
        for scenario in [mem95, fp8] {
            let other = page.region(content.with(scenario)).render()
            #expect(other != base)
            let streams = Int(cells(try #require(row(other, "Kimi-K2.6")))[3]) ?? 0
            #expect(streams > 25, "\(scenario.id)")
            #expect(BudgetPage.pages(content.with(scenario)).map(\.path) == BudgetPage.pages(content).map(\.path))
        }
        #expect(page.region(content.with(mem95)).render().contains("at 95% GPU memory utilization"))
        #expect(base.contains("at 90% GPU memory utilization"))
        // The page wraps the region with the Advanced Settings form; the fragment is the region alone.
        let html = page.render(content)
        #expect(html.contains("id=\"scenario-form\"") && html.contains("data-scenario=\"\(Scenario.default.id)\""))
        #expect(html.contains(base))
        let files = page.files(content, grid: [mem95])
        #expect(files.map(\.path) == ["budget/index.html", "scenarios/\(mem95.id)/budget/region.html"])
    }

    // MARK: Escaping, determinism, links, empty states

    @Test func hostileModelNamesAreEscaped() throws {
        var content = try Self.content()
        var model = try #require(content.models.first { $0.modelName == "MiniMax-M2.5" })
        model.modelName = Self.hostile
        content.models.append(model)
        var latest = try #require(content.latest)
        latest.entries.append(BenchmarkEntry(modelName: Self.hostile, benchmarkName: "overall", benchmarkDisplayName: "Overall",
                                             score: 60, rank: 99, costPerTask: nil, benchmarkGroup: "openhands",
                                             benchmarkGroupDisplay: "OpenHands Index", openness: "open_weights"))
        content.latest = latest
        let html = BudgetPage.pages(content)[0].render(content)
        #expect(html.contains("data-model=\"&lt;img src=x onerror=alert(1)&gt;\""))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;</th>"))  // text, and no model-page link
        #expect(!html.contains("<img") && !html.contains("onerror=alert(1)>"))
        // The hostile model is the open model of the API chart too: its name is escaped text there.
        #expect(HTMLProbe.svg(in: HTMLProbe.main(html)).contains("self-hosting &lt;img src=x onerror=alert(1)&gt; on "))
        // Attribute names include the SVG's (viewBox, x1).
        let withoutAttributes = html.replacingOccurrences(of: #"\s[a-zA-Z0-9_-]+="[^"<>]*""#, with: "", options: .regularExpression)
        #expect(!withoutAttributes.contains("=\""))
    }

    @Test func renderingIsDeterministic() throws {
        let first = SiteWriter.files(try Self.content(), scenarios: [Scenario.grid[0]]).filter { $0.path.contains("budget/") }
        let second = SiteWriter.files(try Self.content(), scenarios: [Scenario.grid[0]]).filter { $0.path.contains("budget/") }
        #expect(first.count == 16)  // 8 pages + 8 fragments
        #expect(first.map(\.path) == second.map(\.path) && first.map(\.contents) == second.map(\.contents))
    }

    @Test func everyLinkOfTheBudgetPagesResolves() throws {
        let files = SiteWriter.files(try Self.content(), scenarios: [])
        let paths = Set(files.map(\.path) + SiteAssets.required)
        for file in files where file.path.hasPrefix("budget/") {
            let folder = file.path.components(separatedBy: "/").dropLast()
            for href in file.contents.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) })
            where !href.hasPrefix("#") && !href.hasSuffix("trends/") && !href.hasPrefix("https://") && !href.hasPrefix("data:") {  // trends/ belongs to the Trends work
                var parts = Array(folder)
                for part in href.components(separatedBy: "/") {
                    if part == ".." { parts = Array(parts.dropLast()) } else if !part.isEmpty && part != "." { parts.append(part) }
                }
                var target = parts.joined(separator: "/")
                if href.hasSuffix("/") { target += target.isEmpty ? "index.html" : "/index.html" }
                #expect(paths.contains(target), "\(file.path): \(href) → \(target)")
            }
        }
    }

    @Test func emptyStates() throws {
        let none = BudgetPage.pages(SiteContent())
        #expect(none.map(\.folder) == ["budget/"])
        let noData = none[0].render(SiteContent())
        #expect(noData.contains("No data yet") && !noData.contains("<table") && !noData.contains(SiteAssets.scenarioScript))
        var content = try Self.content()
        content.offerings = []
        let pages = BudgetPage.pages(content)
        #expect(pages.map(\.folder) == ["budget/"])
        #expect(pages[0].render(content).contains("No GPU configuration can host the current top models."))
    }

    // MARK: Formats (§1.8)

    @Test func formatsFollowTheReferenceRules() {
        #expect(BudgetFormat.requestsPerHour(8515.7) == "8.5k")
        #expect(BudgetFormat.requestsPerHour(27_243.2) == "27.2k")
        #expect(BudgetFormat.requestsPerHour(9000) == "9k")
        #expect(BudgetFormat.requestsPerHour(850.5) == "851")
        #expect(BudgetFormat.perThousand(0.0016910) == "$1.69")
        #expect(BudgetFormat.perThousand(0.253390) == "$253")
        #expect(BudgetFormat.perThousand(1.5) == "$1.5k")
        #expect(BudgetFormat.perThousand(0.0000421) == "$0.042")
        #expect(BudgetFormat.perThousand(0) == "$0")
        #expect(BudgetFormat.requests(40_917) == "41k" && BudgetFormat.requests(6_131_291.67) == "6.1M")
        #expect(BudgetFormat.requests(950) == "950")
        #expect(BudgetFormat.money(10_368) == "$10.4k" && BudgetFormat.money(2_533_900) == "$2.5M")
        #expect(BudgetFormat.money(253.39) == "$253" && BudgetFormat.money(0.25) == "$0.25")
        #expect(BudgetFormat.tokensPerSecond(342.7) == "343 tok/s" && BudgetFormat.tokensPerSecond(1000) == "1.0k tok/s")
        #expect(BudgetFormat.tokensPerSecond(1234) == "1.2k tok/s" && BudgetFormat.tokensPerSecond(123_456) == "123k tok/s")
        #expect(BudgetFormat.joined(["A"]) == "A" && BudgetFormat.joined(["A", "B"]) == "A and B")
        #expect(BudgetFormat.joined(["A", "B", "C"]) == "A, B, and C")
        #expect(BudgetFormat.modelName("claude-opus-4-7") == "Claude Opus 4.7")
        #expect(BudgetFormat.modelName("GPT-5.6") == "GPT 5.6")
        #expect(BudgetFormat.modelName("Gemini-3.1-Pro") == "Gemini 3.1 Pro")
        #expect(BudgetFormat.modelName("DeepSeek-V3.2-Reasoner") == "DeepSeek V3.2 Reasoner")
        #expect(BudgetFormat.modelName("gpt-5.2-codex") == "Gpt 5.2 Codex")
        #expect(BudgetFormat.servedRequestsPerHour(27_243.2) == "27k" && BudgetFormat.servedRequestsPerHour(999.4) == "999")
        #expect(BudgetFormat.utilization(0.6673) == "0.7%" && BudgetFormat.utilization(13.4) == "13%")
        // JavaScript rounding: exact ties go up (printf would give 0.12 and 2), 1.005 is below the tie.
        #expect(BudgetFormat.toFixed(0.125, 2) == "0.13" && BudgetFormat.toFixed(2.5, 0) == "3")
        #expect(BudgetFormat.toFixed(1.005, 2) == "1.00" && BudgetFormat.jsRound(2.5) == 3 && BudgetFormat.jsRound(2.49) == 2)
        #expect(BudgetFormat.grouped(10_368) == "10,368" && BudgetFormat.grouped(999) == "999")
    }

    @Test func stylesheetHasTheBudgetRulesWithThemeVariables() throws {
        let css = SiteAssets.css
        #expect(css.contains(".budget-presets") && css.contains(".bar-fill"))
        let start = try #require(css.range(of: ".budget-presets"))
        let budget = String(css[start.lowerBound...])
        #expect(budget.contains("var(--accent)") && !budget.contains("#"))  // colours come from the theme variables
        #expect(budget.contains("@media (max-width: 480px)"))
    }
}
