import Dataset
import Feeds
import Foundation
import SeekCore
@testable import Site
import Sizing
import Testing
import TestSupport

/// The Performance page on the reference implementation's published data
/// (`shared/data/reference`), against reference-site.md §4.9.
@Suite struct PerformancePageTests {
    static let reference = Fixtures.shared("reference")


    @Test func setupsMatchTheReferenceGoldenCells() throws {
        let data = ReferenceContent.folder
        let models = try #require(try data.read(DataFiles.models))
        let offerings = try #require(try data.read(DataFiles.offerings))
        let specs = try #require(try data.read(DataFiles.gpuSpecs))
        #expect(models.count == 22 && offerings.count == 173 && specs.count == 32)
        let store = SnapshotStore(directory: Self.reference.appendingPathComponent("snapshots"))
        let day = try #require(Day(iso: "2026-06-18"))
        let latest = try #require(try store.loadSnapshot(day))
        let content = SiteContent(latest: latest, models: models, offerings: offerings, specs: specs)
        let html = SiteWriter.renderIndex(content)
        // §4.9 rows: GLM-5.1 Fit, MiniMax-M3 Scale, Nemotron-3-Nano Scale, Kimi-K2.6 Fit.
        let cell = { (gpus: String, cost: String, meta: String) in
            "<span class=\"gpus\">\(gpus)</span><span class=\"cost\">\(cost)/mo</span><span class=\"meta\">\(meta)"
        }
        #expect(html.contains(cell("8× B300", "$43,200", "up to 99 streams")))
        #expect(html.contains(cell("8× B300", "$43,200", "up to 163 streams")))
        #expect(html.contains(cell("5× RTX3090", "$792", "up to 146 streams")))
        #expect(html.contains("No priced setup of up to 8 GPUs"))
        #expect(html.contains(">71.9%<"))  // GLM-5.1: 58.2 / 81.0
        #expect(!html.contains("verdict-col"))  // without api_pricing.json, no comparison column (MatrixRowTests has one)
        #expect(html.contains(cell("8× RTXPRO6000", "$10,368", "up to 25 streams · 89 tok/s · ")))  // Kimi-K2.6 decode 89.35
        #expect(html.contains("SOTA: Claude Fable 5 (81.0)"))
        #expect(html.contains("<span class=\"rank rank-1\">#1</span>"))
        #expect(html.range(of: #"[^0-9,]1 streams"#, options: .regularExpression) == nil && !html.contains(" %<"))
        #expect(html.contains("Open-weights models with no overall score"))
        // The category selector links pre-rendered pages; a category page ranks by that category.
        #expect(html.contains("href=\"categories/frontend/\""))
        let frontend = SiteWriter.renderIndex(content, category: "frontend")
        #expect(frontend.contains("Frontend leaderboard") && frontend.contains("href=\"../../models/GLM-5.1/\""))
        #expect(frontend.contains("by frontend score"))
        #expect(html.contains("href=\"models/GLM-5.1/\""))
        let page = ModelPage.render(try #require(models.first { $0.modelName == "Kimi-K2.6" }),
                                    search: SetupSearch(offerings: offerings, specs: specs), history: [latest])
        #expect(page.contains("<h1>Kimi-K2.6</h1>"))
        #expect(page.contains("8× RTXPRO6000"))  // the Fit setup of §4.9 is among its setups
        #expect(page.contains("57.1"))           // its overall score on 2026-06-18
        #expect(ModelPage.slug(of: "../etc") == nil && ModelPage.slug(of: "<img>") == nil && ModelPage.slug(of: "GLM-5.1") == "GLM-5.1")
    }
}

/// The snapshot coverage matrix on the reference data (§1.6 [run]).
@Suite struct CoveragePageTests {
    @Test func closedFlagshipsRankedAndUnrankedOpenModels() throws {
        let html = CoveragePage.render(try ReferenceContent.load())
        for section in ["Leading closed API models", "Ranked open-weights models", "Unranked open-weights models"] {
            #expect(html.contains(section))
        }
        #expect(html.contains("claude-fable-5 (Anthropic)") && html.contains("Gemini-3.5-Flash (Google)"))
        let unranked = try #require(html.components(separatedBy: "Unranked open-weights models").last)
        for name in ["GLM-5.2", "GLM-5.2-FP8", "Kimi-K2.7-Code", "MiniMax-M3-MXFP8"] { #expect(unranked.contains(">\(name)<")) }
        #expect(!unranked.contains(">Kimi-K2.6<"))
    }
}
