import Foundation
import Publish
import SeekCore
import Testing
import TestSupport

/// Golden reports for scripted before/after data sets: the exact markdown a maintainer reads.
@Suite struct DataDiffGoldenTests {
    typealias D = DataSets

    /// A small but complete data set, used as the first run's output and for "no change".
    static var complete: DataState {
        let scores: [(model: String, openness: String, scores: [String: Double])] = [
            ("claude-fable-5", "closed_api_available", D.all(70.6, 62.5, 85.0, 95.8, 91.9)),
            ("GLM-5.1", "open_weights", D.all(50.0, 40.0, 70.0, 72.0, 60.0)),
        ]
        var raw = D.snapshot("2026-06-16", Array(scores.prefix(1)))
        raw.merge(D.snapshot("2026-06-18", scores)) { $1 }
        return D.state([
            "models.json": .array([D.model("GLM-5.1", params: 747.2, active: 45.1, context: 202_752)]),
            "gpus.json": .array([D.offering("H100", 8, 24.0, provider: "verda", instance: "8H100.80S.176V", location: "FIN-01"),
                                 D.offering("H100", 1, 2.69, provider: "runpod", instance: "1x H100 SXM"),
                                 D.offering("A100", 8, 10.32, provider: "lambdalabs", instance: "gpu_8x_a100")]),
            "gpu_source.json": D.source(asOf: "2026-08-22", [("lambdalabs", "20260822-1", false, 1),
                                                             ("runpod", "20260822-1", false, 1), ("verda", "20260822-1", false, 1)]),
            "api_pricing.json": .array([D.apiPrice(lab: "anthropic", model: "claude-fable-5", input: 1e-5, output: 5e-5,
                                                   cacheWrite: 1.25e-5, cacheRead: 1e-6, window: 1_000_000)]),
            "gpu_specs.json": .array([D.gpuSpec("A100", memory: 40.0, bandwidth: 1.555, architecture: "Ampere"),
                                      D.gpuSpec("H100", memory: 80.0, architecture: "Hopper")]),
            "gpu_price_history.json": .object(["unit": "usd_per_node_hour", "series": .array([
                .object(["date": "2026-08-22", "prices": .array([.object(["gpu_name": "H100", "usd_per_node_hour": 24.0]),
                                                                 .object(["gpu_name": "A100", "usd_per_node_hour": 10.32])])]),
            ])]),
            "snapshots/index.json": D.index(["2026-06-16", "2026-06-18"], commit: "3f2a9c1d00000000000000000000000000000000"),
        ], plus: raw)
    }

    @Test func noChangeSaysSoAndIsEmpty() throws {
        let diff = DataDiff(old: Self.complete, new: Self.complete, siteFiles: FileChanges(old: [:], new: [:]))
        #expect(diff.isEmpty)
        #expect(diff.summaryLine == "data: no changes")
        try PublishGolden.check(diff.markdown, against: "no-change")
    }

    @Test func firstRunSummarisesEverythingAsNew() throws {
        let site: [String: [UInt8]] = ["index.html": Array("<html>".utf8), "trends/index.html": Array("<html>".utf8)]
        let diff = DataDiff(old: .empty, new: Self.complete, siteFiles: FileChanges(old: [:], new: site))
        #expect(diff.isFirstRun && !diff.isEmpty)
        #expect(diff.summaryLine == "first data: 1 model, 3 offerings, 2 snapshots to 2026-06-18")
        try PublishGolden.check(diff.markdown, against: "first-run")
    }

    @Test func newRemovedAndChangedModels() throws {
        let old = D.state(["models.json": .array([
            D.model("GLM-5", params: 747.2, active: 45.1, context: 131_072, precision: "BF16"),
            D.model("Kimi-K2.5", params: 1026.4, active: 32.9, context: 262_144, precision: "INT4", license: "Modified MIT"),
            D.model("Qwen3-Coder-480B", params: 480.2, active: 35.5, context: 262_144, precision: "BF16", license: "Apache-2.0"),
        ])])
        let new = D.state(["models.json": .array([
            D.model("GLM-5", params: 747.2, active: 45.1, context: 202_752, precision: "FP8"),
            D.model("Kimi-K2.5", params: 1026.4, active: 32.9, context: 262_144, precision: "INT4", license: "Modified MIT"),
            D.model("MiniMax-M3", params: 426.7, active: 26.5, context: 1_048_576, precision: "BF16", license: "MiniMax"),
            D.model("Nemotron-3-Nano", params: 31.6, active: 3.6, architecture: "Hybrid", context: nil, precision: nil, license: nil),
        ])])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.models.added.map(\.key) == ["MiniMax-M3", "Nemotron-3-Nano"])
        #expect(diff.models.removed.map(\.key) == ["Qwen3-Coder-480B"])
        #expect(diff.models.changed.map(\.key) == ["GLM-5"])
        #expect(diff.models.changed.first?.fields.map(\.field) == ["context_length", "precision"])
        #expect(diff.summaryLine == "2 new models; Qwen3-Coder-480B removed; GLM-5 spec changed")
        try PublishGolden.check(diff.markdown, against: "models")
    }

    @Test func newSnapshotWithScoreChangesAndANewSOTA() throws {
        let before: [(model: String, openness: String, scores: [String: Double])] = [
            ("claude-fable-5", "closed_api_available", D.all(70.6, 62.5, 85.0, 95.8, 91.9)),
            ("GLM-5.1", "open_weights", D.all(50.0, 40.0, 70.0, 72.0, 60.0)),
            ("Kimi-K2.6", "open_weights", D.all(41.2, 25.0, 74.5, 70.0, 55.0)),
            ("Old-Model", "open_weights", D.all(20.0, 20.0, 20.0, 20.0, 20.0)),
        ]
        let after: [(model: String, openness: String, scores: [String: Double])] = [
            ("claude-fable-5", "closed_api_available", D.all(70.6, 62.5, 85.0, 95.8, 91.9)),
            ("claude-fable-6", "closed_api_available", D.all(75.0, 66.0, 84.0, 96.5, 93.0)),
            ("GLM-5.1", "open_weights", D.all(52.5, 40.0, 70.0, 71.1, 60.0)),
            ("Kimi-K2.6", "open_weights", D.all(41.2, 25.0, 74.5, 70.0, 55.0)),
            ("Qwen3.5-Flash", "open_weights", ["frontend": 30.0, "testing": 35.0]),
        ]
        var oldRaw = D.snapshot("2026-06-12", before)
        oldRaw.merge(D.snapshot("2026-06-16", before)) { $1 }
        var newRaw = oldRaw
        newRaw.merge(D.snapshot("2026-06-18", after)) { $1 }
        let old = D.state(["snapshots/index.json": D.index(["2026-06-12", "2026-06-16"], commit: "aaaaaaa1" + String(repeating: "0", count: 32))],
                          plus: oldRaw)
        let new = D.state(["snapshots/index.json": D.index(["2026-06-12", "2026-06-16", "2026-06-18"],
                                                           commit: "bbbbbbb2" + String(repeating: "0", count: 32))], plus: newRaw)
        let diff = DataDiff(old: old, new: new)
        let board = try #require(diff.snapshots.leaderboard)
        #expect(diff.snapshots.addedDates == ["2026-06-18"])
        #expect(board.entered.map(\.name) == ["claude-fable-6", "Qwen3.5-Flash"])
        #expect(board.left.map(\.name) == ["Old-Model"])
        #expect(board.sotaChanges.map(\.benchmark) == ["overall", "frontend", "greenfield", "issue_resolution", "testing"])
        #expect(board.scoreChanges.map { "\($0.model) \($0.benchmark)" } == ["GLM-5.1 overall", "GLM-5.1 frontend", "GLM-5.1 issue_resolution"])
        #expect(diff.summaryLine == "snapshot 2026-06-18; new SOTA claude-fable-6 82.9; 3 score changes")
        try PublishGolden.check(diff.markdown, against: "snapshot")
    }

    /// Two consecutive real gpuhunt catalogs (2026-07-01 → 2026-08-22) as the pipeline published
    /// them, with a provider gone stale in between.
    @Test func realPriceMovesBetweenTwoGpuhuntCatalogs() throws {
        let old = try Self.gpuhunt("20260701-1", source: D.source(asOf: "2026-07-01", [
            ("aws", "20260701-1", false, 8), ("nebius", "20260701-1", false, 2), ("runpod", "20260701-1", false, 80),
        ]))
        let new = try Self.gpuhunt("20260822-1", source: D.source(asOf: "2026-08-22", [
            ("aws", "20260822-1", false, 9), ("nebius", "20260701-1", true, 3), ("runpod", "20260822-1", false, 122),
        ]))
        let diff = DataDiff(old: old, new: new)
        #expect(diff.prices.moves.count == 48)
        #expect(diff.prices.newConfigurations == 161 && diff.prices.oldConfigurations == 106)
        #expect(diff.sources.newlyStale.map(\.name) == ["nebius"])
        #expect(diff.summaryLine == "prices: 48 configs moved (max L4×2 −50.9%); nebius stale; 61 new configs")
        try PublishGolden.check(diff.markdown, against: "gpuhunt-prices")
    }

    static func gpuhunt(_ version: String, source: JSONValue) throws -> DataState {
        let url = Fixtures.shared("gpuhunt/_expected/gpus-\(version).json")
        return DataState(files: ["gpus.json": Array(try Data(contentsOf: url)), "gpu_source.json": D.bytes(source)])
    }

    @Test func manyOfferingsAcrossProvidersAreCountedAndLongListsTruncated() throws {
        var old: [JSONValue] = [], new: [JSONValue] = []
        for i in 1...17 {
            let gpu = "G\(i < 10 ? "0" : "")\(i)", price = Double(i)
            old.append(D.offering(gpu, 1, price, provider: "runpod", instance: "\(gpu) pod"))
            new.append(D.offering(gpu, 1, PythonMath.round(price * (1 - Double(i) / 100), places: 2), provider: "runpod",
                                  instance: "\(gpu) pod"))
        }
        let providers = ["aws", "gcp", "runpod", "verda"]
        for i in 1...12 {
            new.append(D.offering("N\(i < 10 ? "0" : "")\(i)", 8, 10 + Double(i), provider: providers[i % 4],
                                  instance: "n\(i)_8x", location: "eu-\(i)"))
        }
        new.append(D.offering("G01", 1, 3.5, provider: "aws", instance: "p5.g01"))
        new.append(D.offering("G02", 1, 4.5, provider: "gcp", instance: "a3-g02"))
        for i in 1...3 { old.append(D.offering("OCI\(i)", 8, 30, provider: "oci", instance: "BM.GPU.\(i)", location: "us-ashburn-1")) }
        let diff = DataDiff(old: D.state(["gpus.json": .array(old)]), new: D.state(["gpus.json": .array(new)]))
        #expect(diff.prices.addedOfferings.count == 14 && diff.prices.removedOfferings.count == 3)
        #expect(diff.prices.offeringCountsByProvider.map(\.provider) == ["aws", "gcp", "oci", "runpod", "verda"])
        #expect(diff.summaryLine == "prices: 17 configs moved (max G17×1 −17.0%); 12 new configs")
        try PublishGolden.check(diff.markdown, against: "offerings")
    }

    @Test func apiPricingChangesPerLab() throws {
        let old = D.state(["api_pricing.json": .array([
            D.apiPrice(lab: "anthropic", model: "claude-fable-5", input: 1e-5, output: 5e-5, cacheWrite: 1.25e-5,
                       cacheRead: 1e-6, window: 1_000_000),
            D.apiPrice(lab: "google", model: "Gemini-3.5-Flash", input: 1.5e-6, output: 9e-6, cacheWrite: nil,
                       cacheRead: 1.5e-7, window: 1_048_576),
            D.apiPrice(lab: "openai", model: "GPT-5.6", input: 5e-6, output: 3e-5, cacheWrite: 6.25e-6,
                       cacheRead: 5e-7, window: 922_000),
        ])])
        let new = D.state(["api_pricing.json": .array([
            D.apiPrice(lab: "anthropic", model: "claude-fable-5", input: 1.2e-5, output: 5e-5, cacheWrite: 1.25e-5,
                       cacheRead: 1.2e-6, window: 1_000_000),
            D.apiPrice(lab: "google", model: "Gemini-3.6-Pro", input: 2e-6, output: 1.2e-5, cacheWrite: nil,
                       cacheRead: 2e-7, window: 2_097_152),
            D.apiPrice(lab: "openai", model: "GPT-5.6", input: 5e-6, output: 3e-5, cacheWrite: 6.25e-6,
                       cacheRead: 5e-7, window: 922_000, extra: true),
        ])])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.apiPricing.labs.map(\.lab) == ["anthropic", "google"])
        #expect(diff.apiPricing.labs.first?.largestPriceChange.map { PythonMath.round($0, places: 6) } == 20)
        #expect(diff.summaryLine == "API google: Gemini-3.6-Pro; API claude-fable-5 +20.0%")
        try PublishGolden.check(diff.markdown, against: "api-pricing")
    }
}
