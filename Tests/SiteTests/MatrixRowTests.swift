import Dataset
import Foundation
import Plot
import SeekCore
@testable import Site
import Sizing
import Testing
import TestSupport

/// The Performance matrix's rows on the reference's data (latest snapshot 2026-06-18): a sized row and an
/// unsized one byte for byte (`Golden/matrix-rows.html`; `RECORD_GOLDENS=1` rewrites it), every ranked
/// open-weights model accounted for, and the per-row verdict against the best closed API.
@Suite struct MatrixRowTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/matrix-rows.html")

    /// The reference content without Kimi-K2.6's models.json row, which unsized_models.json says is gated.
    static func contentWithAGatedModel() throws -> SiteContent {
        var content = try ReferenceContent.load()
        content.models.removeAll { $0.modelName == "Kimi-K2.6" }
        content.unsized = [UnsizedModel(modelName: "Kimi-K2.6", reason: .gated,
                                        detail: "moonshotai/Kimi-K2.6/resolve/main/config.json is gated (HTTP 401)")]
        return content
    }

    @Test func aSizedAndAnUnsizedRowMatchTheGoldenHTML() throws {
        let content = try Self.contentWithAGatedModel()
        let latest = try #require(content.latest)
        let search = try #require(content.search)
        let sota = latest.sota.first { $0.benchmarkName == "overall" }
        let ranked = PerformanceMatrix.ranked(models: content.models, entries: latest.entries, sota: sota,
                                              category: "overall", search: search)
        let unsized = PerformanceMatrix.unsized(models: content.models, entries: latest.entries, sota: sota,
                                                category: "overall", known: content.unsized)
        #expect(unsized.map(\.modelName) == ["Kimi-K2.6"] && unsized.first?.reason == .gated)
        let glm = try #require(ranked.first { $0.modelName == "GLM-5.1" })
        let api = try #require(APIVerdict.bestClosedAPI(prices: content.apiPrices, entries: latest.entries, category: "overall"))
        #expect(api.modelName == "claude-fable-5")
        let verdict = APIVerdict(setups: glm.cells.compactMap(\.setup), api: api, settings: search.settings,
                                 assumptions: search.assumptions)
        let ranks = PerformanceMatrix.ranks(ranked: ranked, unsized: unsized)
        #expect(ranks["GLM-5.1"] == 1 && ranks["Kimi-K2.6"] == 3)
        let table = SetupsTable(rows: [glm], caption: "Open-weights models by overall score", models: content.models,
                                sota: sota, assumptions: search.assumptions, unsized: unsized, ranks: ranks, api: api,
                                verdicts: verdict.map { ["GLM-5.1": $0] } ?? [:],
                                deploy: { _, _ in "deploy/GLM-5.1/8x-b300/" })
        let html = table.body.render(indentedBy: .spaces(1)) + "\n"
        #expect(html.contains("Not sized: gated on Hugging Face.") && html.contains("Maintainers: set HF_TOKEN"))
        #expect(html.contains("cheaper"))
        if let problem = GoldenFile.problem(html, against: Self.golden) { Issue.record(Comment(rawValue: problem)) }
    }

    @Test func everyOpenWeightsModelOfTheLatestSnapshotIsInTheMatrixOrTheUnsizedList() throws {
        for content in [try ReferenceContent.load(), try Self.contentWithAGatedModel()] {
            let latest = try #require(content.latest)
            var modelsNotFetched = content
            modelsNotFetched.models.removeAll { $0.modelName == "GLM-5" }  // and nothing recorded why: "not fetched yet"
            for (content, category) in SiteWriter.categories(of: latest).flatMap({ c in [(content, c), (modelsNotFetched, c)] }) {
                let html = SiteWriter.renderIndex(content, category: category)
                let open = latest.entries.filter { $0.benchmarkName == category && $0.openness == "open_weights" }
                #expect(!open.isEmpty)
                for entry in open {
                    let sized = content.models.contains { $0.modelName == entry.modelName }
                    let row = sized ? "<tr data-model=\"\(entry.modelName)\"" : "<tr data-model=\"\(entry.modelName)\" data-unsized="
                    #expect(html.contains(row), "\(entry.modelName) missing from the \(category) matrix")
                }
            }
            let html = SiteWriter.renderIndex(modelsNotFetched)
            #expect(html.contains(#"data-model="GLM-5" data-unsized="not_fetched""#) && html.contains("Not sized: not fetched yet."))
        }
    }

    @Test func theVerdictIsTheBudgetMathsAtOneMillionRequests() throws {
        let content = try ReferenceContent.load()
        let latest = try #require(content.latest)
        let search = try #require(content.search)
        let api = try #require(APIVerdict.bestClosedAPI(prices: content.apiPrices, entries: latest.entries, category: "overall"))
        let perRequest = APIVerdict.apiCostPerRequest(api, settings: search.settings, assumptions: search.assumptions)
        #expect(perRequest > 0)
        let rows = PerformanceMatrix.ranked(models: content.models, entries: latest.entries, sota: nil, category: "overall",
                                            search: search)
        var checked = 0
        for row in rows {
            let setups = row.cells.compactMap(\.setup)
            guard let verdict = APIVerdict(setups: setups, api: api, settings: search.settings, assumptions: search.assumptions) else {
                // No verdict only when no setup has a modeled capacity.
                #expect(setups.allSatisfy { $0.isProjected || $0.deploymentEstimate?.maxRequestsPerMonth(assumptions: search.assumptions) == nil })
                continue
            }
            checked += 1
            let capacity = try #require(verdict.setup.deploymentEstimate?.maxRequestsPerMonth(assumptions: search.assumptions))
            #expect(verdict.boxes == Int((1_000_000 / capacity).rounded(.up)), "\(row.modelName)")
            #expect(abs(verdict.selfHostedMonthlyCost - Double(verdict.boxes) * verdict.setup.monthlyCost) < 1e-6)
            #expect(abs(verdict.apiMonthlyCost - perRequest * 1_000_000) < 1e-6)
            #expect(verdict.selfHostingIsCheaper == (verdict.ratio > 1))
            if let even = verdict.breakEvenRequestsPerMonth {
                #expect(abs(even - verdict.setup.monthlyCost / perRequest) < 1e-6)
                #expect(even <= capacity)  // one box reaches the API's price before it is full
            }
            // The setup chosen is the cheapest of the row's for the volume.
            for setup in setups where !setup.isProjected {
                guard let c = setup.deploymentEstimate?.maxRequestsPerMonth(assumptions: search.assumptions), c > 0 else { continue }
                #expect(verdict.selfHostedMonthlyCost <= (1_000_000 / c).rounded(.up) * setup.monthlyCost + 1e-6)
            }
        }
        #expect(checked >= 5)
        #expect(SetupsTable.verdictText(try #require(APIVerdict(setups: rows[0].cells.compactMap(\.setup), api: api,
                                                                settings: search.settings, assumptions: search.assumptions)))
                .hasPrefix("≈ "))
    }
}
