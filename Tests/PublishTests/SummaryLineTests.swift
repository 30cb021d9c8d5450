import Publish
import SeekCore
import Testing

/// The commit subject: at most 72 characters, most important change first.
@Suite struct SummaryLineTests {
    typealias D = DataSets

    static let scores: [(model: String, openness: String, scores: [String: Double])] = [
        ("GLM-5.1", "open_weights", D.all(50.0, 40.0, 70.0, 72.0, 60.0)),
    ]

    static func state(models: [String], h100x8: Double, dates: [String]) -> DataState {
        var raw: [String: [UInt8]] = [:]
        for date in dates { raw.merge(D.snapshot(date, scores)) { $1 } }
        return D.state([
            "models.json": .array(models.map { D.model($0) }),
            "gpus.json": .array([D.offering("H100", 8, h100x8, provider: "verda", instance: "8H100"),
                                 D.offering("A100", 8, 10.32, provider: "lambdalabs", instance: "gpu_8x_a100")]),
            "snapshots/index.json": D.index(dates, commit: String(repeating: "a", count: 40)),
        ], plus: raw)
    }

    @Test func modelsComeBeforePricesBeforeSnapshots() {
        let old = Self.state(models: ["GLM-5.1"], h100x8: 24.0, dates: ["2026-06-16"])
        let new = Self.state(models: ["GLM-5.1", "MiniMax-M3", "Qwen3.5-Flash"], h100x8: 22.99, dates: ["2026-06-16", "2026-06-18"])
        #expect(DataDiff(old: old, new: new).summaryLine == "2 new models; H100×8 −4.2%; snapshot 2026-06-18")
    }

    @Test func aSingleNewModelIsNamedAndAPriceRiseHasAPlusSign() {
        let old = Self.state(models: ["GLM-5.1"], h100x8: 24.0, dates: ["2026-06-16"])
        let new = Self.state(models: ["GLM-5.1", "MiniMax-M3"], h100x8: 25.47, dates: ["2026-06-16"])
        #expect(DataDiff(old: old, new: new).summaryLine == "new model MiniMax-M3; H100×8 +6.1%")
    }

    @Test func fragmentsThatDoNotFitAreLeftOutAndTheLineStaysWithin72Characters() {
        let long = (1...3).map { "Some-Extremely-Long-Model-Name-That-Goes-On-\($0)" }
        let old = Self.state(models: [long[0]], h100x8: 24.0, dates: ["2026-06-16"])
        let new = Self.state(models: [long[1]], h100x8: 22.0, dates: ["2026-06-16", "2026-06-18"])
        let line = DataDiff(old: old, new: new).summaryLine
        #expect(line.count <= DataDiff.summaryLimit)
        #expect(line == "new model Some-Extremely-Long-Model-Name-That-Goes-On-2; H100×8 −8.3%")
    }

    @Test func aFirstFragmentLongerThanTheLimitIsCutWithAnEllipsis() {
        let name = String(repeating: "X", count: 80)
        let line = DataDiff(old: Self.state(models: [], h100x8: 24, dates: ["2026-06-16"]),
                            new: Self.state(models: [name], h100x8: 24, dates: ["2026-06-16"])).summaryLine
        #expect(line.count == DataDiff.summaryLimit)
        #expect(line.hasPrefix("new model XXX") && line.hasSuffix("…"))
    }

    @Test func onlyUninterpretedFilesOrSiteFilesStillGiveASubject() {
        let old = DataState(files: ["notes.json": Array("{}".utf8)])
        let new = DataState(files: ["notes.json": Array("{\"a\": 1}".utf8)])
        #expect(DataDiff(old: old, new: new).summaryLine == "data: notes.json modified")
        let site = FileChanges(old: ["index.html": [1]], new: ["index.html": [2], "trends.html": [3]])
        let siteOnly = DataDiff(old: old, new: old, siteFiles: site)
        #expect(!siteOnly.isEmpty)
        #expect(siteOnly.summaryLine == "site: 2 files changed")
    }

    @Test func anUnreadableFileIsCalledOutInsteadOfCompared() {
        let old = D.state(["gpus.json": .array([D.offering("H100", 8, 24.0, provider: "verda", instance: "8H100")])])
        let new = DataState(files: ["gpus.json": Array("[{\"gpu_name\": ".utf8)])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.unreadable == ["gpus.json"])
        #expect(diff.summaryLine.hasSuffix("unreadable: gpus.json"))
        #expect(diff.markdown.contains("> **Warning:** not readable, so not compared: gpus.json (is not valid JSON"))
    }

    @Test func aFileThatDoesNotDecodeOnTheOldSideIsNotedAndNotCompared() {
        let old = DataState(files: ["models.json": Array("[{\"model_name\": \"GLM-5\"}]\n".utf8)])
        let new = D.state(["models.json": .array([D.model("GLM-5"), D.model("MiniMax-M3")])])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.models.isEmpty && diff.unreadable.isEmpty)
        #expect(diff.oldProblems.map(\.path) == ["models.json"])
        #expect(diff.markdown.contains("> **Note:** not readable on the old side, so not compared: models.json (row 1: "))
    }

    @Test func anIndexThatDoesNotDecodeNeverReadsAsEveryDateRemoved() {
        let dates = ["2026-06-16", "2026-06-18"]
        let old = D.state(["snapshots/index.json": D.index(dates, commit: String(repeating: "a", count: 40))])
        let new = DataState(files: ["snapshots/index.json": Array("{\"days\": []}\n".utf8)])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.snapshots.removedDates.isEmpty && diff.snapshots.addedDates.isEmpty)
        #expect(diff.unreadable == ["snapshots/index.json"])
        #expect(!diff.summaryLine.contains("removed"))
    }

    @Test func aMalformedRowIsNamedWithItsFieldAndNotCompared() throws {
        let old = D.state(["gpus.json": .array([D.offering("H100", 8, 24.0, provider: "verda", instance: "8H100")])])
        var row = try #require(D.offering("H100", 8, 22.0, provider: "verda", instance: "8H100").objectValue)
        row.setValue(.string("22,00"), forKey: "price_per_hour")
        let new = D.state(["gpus.json": .array([D.offering("A100", 8, 9.0, provider: "aws", instance: "p4"), .object(row)])])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.unreadable == ["gpus.json"])
        #expect(diff.prices.isEmpty)
        #expect(diff.markdown.contains("gpus.json (row 2: price_per_hour must be a number, not the text '22,00')"))
    }
}

/// `metadata.json`'s `sizing_model`: a change of the site's memory model is its own section and fragment.
struct SizingModelChangeTests {
    static func metadata(_ sizing: String?) -> [UInt8] {
        let tail = sizing.map { ", \"sizing_model\": \"\($0)\"" } ?? ""
        return Array("{\"index_commit\": null, \"latest_snapshot\": null, \"prices_as_of\": null, \"catalog_versions\": {}\(tail)}\n".utf8)
    }

    @Test func aNewSizingModelIsReportedWithWhatItChanges() {
        let diff = DataDiff(old: DataState(files: ["metadata.json": Self.metadata(nil)]),
                            new: DataState(files: ["metadata.json": Self.metadata("vLLM 0.17-0.19")]))
        #expect(diff.sizingModel?.old == nil && diff.sizingModel?.new == "vLLM 0.17-0.19")
        #expect(diff.summaryLine == "sizing: vLLM 0.17-0.19")
        #expect(diff.markdown.contains("## Sizing\n\nThe site's memory model changed from the reference's runtime reserve to "
            + "vLLM 0.17-0.19: streams per setup"))
    }

    @Test func theSameSizingModelSaysNothing() {
        let same = DataState(files: ["metadata.json": Self.metadata("vLLM 0.17-0.19")])
        #expect(DataDiff(old: same, new: same).sizingModel == nil)
    }
}
