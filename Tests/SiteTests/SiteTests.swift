import Foundation
import SeekCore
import Sizing
import Testing
@testable import Site

private func entry(_ name: String, category: String = "overall", display: String = "Overall", score: Double,
                   rank: Int, cost: Double? = nil, openness: String? = "open_weights") -> BenchmarkEntry {
    BenchmarkEntry(modelName: name, benchmarkName: category, benchmarkDisplayName: display, score: score, rank: rank,
                   costPerTask: cost, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                   openness: openness)
}

private let hostile = "<img src=x onerror=alert(1)>"
private let quoted = "a\"b'c&d"

private func sampleSnapshot() -> Snapshot {
    Snapshot(
        day: Day(iso: "2026-08-22")!,
        entries: [
            entry("Model A", score: 81.0, rank: 1, cost: 1.25, openness: "closed_api_available"),
            entry(hostile, score: 70.5, rank: 2, cost: nil),
            entry(quoted, score: 60.25, rank: 3, cost: 0.5, openness: nil),
            entry("Model A", category: "frontend", display: "Frontend", score: 90, rank: 1),
            entry(quoted, category: "frontend", display: "Frontend", score: 50, rank: 2),
        ],
        sota: [
            SOTAEntry(benchmarkName: "overall", benchmarkDisplayName: "Overall", sotaModelName: "Model A", sotaScore: 81),
        ]
    )
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("SiteTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

@Suite("Escaping")
struct EscapingTests {
    @Test func attributeValueEscapesAllFiveCharactersAmpersandFirst() {
        #expect(attributeValue(quoted) == "a&quot;b&#39;c&amp;d")
        #expect(attributeValue("<&>") == "&lt;&amp;&gt;")
        #expect(attributeValue("&amp;") == "&amp;amp;")
        #expect(attributeValue("plain") == "plain")
    }

    @Test func hostileModelNamesRenderAsText() {
        let html = SiteWriter.renderIndex(SiteContent(latest: sampleSnapshot()))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror=alert(1)>"))
        #expect(html.contains("data-model=\"&lt;img src=x onerror=alert(1)&gt;\""))
        #expect(html.contains("data-model=\"a&quot;b&#39;c&amp;d\""))
        #expect(html.contains(">a\"b'c&amp;d</th>"))
        // Every double quote in the document belongs to a well-formed attribute: name="value" pairs only.
        let withoutAttributes = html.replacingOccurrences(
            of: #"\s[a-zA-Z0-9-]+="[^"<>]*""#, with: "", options: .regularExpression)  // SVG names too (viewBox)
        #expect(!withoutAttributes.contains("=\""))
    }
}

@Suite("Pages")
struct PageTests {
    @Test func indexHasShellCaptionAndOneRowPerOverallEntry() {
        let table = LeaderboardTable(snapshot: sampleSnapshot())
        #expect(table.rows.count == 3)
        let html = SiteWriter.renderIndex(SiteContent(latest: sampleSnapshot()))
        #expect(html.lowercased().hasPrefix("<!doctype html>"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">") || html.contains("<meta charset=\"utf-8\"/>"))
        #expect(html.contains("width=device-width, initial-scale=1"))
        #expect(html.contains("<title>Coding Model Seeks GPU</title>"))
        #expect(html.contains("href=\"assets/site.css\""))
        #expect(html.contains("<caption>Overall leaderboard, snapshot of 22 Aug 2026</caption>"))
        #expect(occurrences(of: "<th scope=\"col\"", in: html) == 5)
        let tbody = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
        #expect(occurrences(of: "<tr", in: tbody) == 3)
        #expect(occurrences(of: "<tr", in: html) == 4)
        for label in ["Performance", "Budget", "Trends", "Methodology"] {
            #expect(html.contains(">\(label)</a>"))
        }
        #expect(html.contains("<header") && html.contains("<main") && html.contains("<footer"))
        #expect(html.contains("$1.25") && html.contains("—") && html.contains("81.0") && html.contains("60.2"))
        // The only links off the site are the header's and footer's, to the sources and the repository.
        let external = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { $0.contains("://") }
        #expect(Set(external) == ["https://github.com/seekgpu/seekgpu", "https://github.com/OpenHands/openhands-index-results",
                                  "https://github.com/dstackai/gpuhunt", "https://huggingface.co", "https://github.com/BerriAI/litellm"])
        #expect(!html.contains("http://") && !html.contains("src=\"http"))
        #expect(!html.contains(SiteAssets.scenarioScript) && html.contains(SiteAssets.siteScript))
    }

    @Test func indexWithoutDataSaysSo() {
        let html = SiteWriter.renderIndex(SiteContent(latest: nil))
        #expect(html.contains("No data yet"))
        #expect(!html.contains("<table"))
    }

    @Test func methodologyListsTheConstants() {
        let page = MethodologyPage(assumptions: .reference)
        let html = page.render()
        #expect(html.contains("href=\"../assets/site.css\""))
        #expect(html.contains("aria-current=\"page\">Methodology</a>"))
        #expect(html.contains("<a href=\"../\">Performance</a>"))
        #expect(html.contains("<a href=\"../budget/\">Budget</a>"))
        #expect(!html.contains(".././"))
        // The constants table and the serving-precision table, each with its header row.
        #expect(occurrences(of: "<tr", in: html) == page.constants.count + 1 + ServingQuantization.allCases.count + 1)
        #expect(html.contains("id=\"deploy-recipes\"") && html.contains("--quantization fp8"))
        for expected in ["HOURS_PER_MONTH", "720 h/month", "2,592,000 s", "WEIGHT_OVERHEAD_FACTOR", "× 1.15",
                         "90%", "8,192 tokens", "25%–75%", "5 µs", "8 µs", "15 µs", "20,000 tokens",
                         "200 requests/h", "Ada Lovelace, Blackwell, Hopper", "frontend 102",
                         "href=\"https://github.com/atineoSE/coding-model-seeks-gpu/blob/cbdfc2f/web/src/lib/calculations.ts\" rel=\"noopener\"",
                         "href=\"https://arxiv.org/abs/2309.06180\""] {
            #expect(html.contains(expected), "missing \(expected)")
        }
        // Sources a visitor can open: no section numbers of internal documents.
        for document in ["§", "reference-site.md", "reference-pipeline.md", "decisions.md"] {
            #expect(!html.contains(document), "cites \(document)")
        }
    }

    @Test func methodologyShowsTheAssumptionsPassedIn() {
        var assumptions = SizingAssumptions.reference
        assumptions.hoursPerMonth = 730
        #expect(MethodologyPage(assumptions: assumptions).render().contains("730 h/month"))
    }

    /// With seekgpu's assumptions the reserve is vLLM's: its formula names the release and kernel, every term and
    /// release row is listed with its source, and the reference's reserve constants say they are not used.
    @Test func methodologyExplainsTheVLLMMemoryModelItUses() {
        let html = MethodologyPage(assumptions: .seekgpu).render()
        #expect(html.contains("Memory outside weights and KV cache (vLLM 0.17-0.19)"))
        #expect(html.contains("id=\"vllm-constants\"") && html.contains("href=\"#vllm-constants\""))
        for note in VLLMMemory.termNotes {
            #expect(html.contains("<dt>\(note.name)</dt>"), "term \(note.name)")
        }
        for release in VLLMRelease.all { #expect(html.contains("<th scope=\"row\">\(release.name)"), "\(release.name)") }
        #expect(html.contains("0.17-0.19 (assumed)") && html.contains("PR #33538") && html.contains("PR #26859"))
        for kernel in VLLMSamplerKernel.allCases { #expect(html.contains(">\(kernel.description)</th>")) }
        #expect(html.contains("Not used here: the vLLM memory model sets the reserve."))
        #expect(!html.contains("Engine reserve"))
        let reference = MethodologyPage(assumptions: .reference).render()
        #expect(reference.contains("Engine reserve") && !reference.contains("vllm-constants")
            && !reference.contains("Not used here"))
    }

    @Test func cssHasBothThemesAndNoExternalURLs() throws {
        let css = try SiteAssets.repository()[SiteAssets.stylesheet]
        #expect(css.contains("light-dark(") && css.contains(":root[data-theme=\"dark\"] { color-scheme: dark; }"))
        #expect(css.contains("system-ui"))
        #expect(css.contains("overflow-x: auto"))
        #expect(!css.contains("http"))
        #expect(!css.contains("@import") && !css.contains("url("))
    }

    @Test func missingAssetsNameTheFileAndTheFix() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = try #require(throws: SiteAssetsError.self) { try SiteAssets.load(from: directory) }
        #expect(error.description.contains(directory.appendingPathComponent("site.css").path))
        #expect(error.description.contains("web/assets/"))
    }
}

@Suite("Writer")
struct WriterTests {
    @Test func writesFilesOnceAndIsDeterministic() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = SiteWriter(outputDirectory: directory, assets: try SiteAssets.repository())
        let first = try writer.write(SiteContent(latest: sampleSnapshot()))
        #expect(first == SiteAssets.required + ["methodology/index.html", "coverage/index.html", "index.html",
                          "categories/frontend/index.html", "budget/index.html", "trends/index.html", "trends/frontend/index.html"])
        let second = try writer.write(SiteContent(latest: sampleSnapshot()))
        #expect(second.isEmpty)
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        var chrome = SiteChrome()
        chrome.faviconSVG = try SiteAssets.repository()[SiteAssets.favicon]
        var content = SiteContent(latest: sampleSnapshot())
        content.chrome = chrome
        #expect(index == SiteWriter.renderIndex(content))
        #expect(index.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml,%3Csvg"))
        let css = try String(contentsOf: directory.appendingPathComponent("assets/site.css"), encoding: .utf8)
        #expect(css == SiteAssets.css)
        let third = try writer.write(SiteContent(latest: nil))
        #expect(third == ["coverage/index.html", "index.html", "budget/index.html", "trends/index.html"])  // all now say "No data yet"
    }
}
