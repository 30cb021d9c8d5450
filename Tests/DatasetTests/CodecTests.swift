import Dataset
import Foundation
import SeekCore
import Testing
import TestSupport

/// Every published file's one codec: encode gives the canonical bytes (byte parity with the reference
/// implementation), decode is strict and names the file, row and field of a problem.
@Suite struct CodecTests {
    static let reference = Fixtures.shared("reference")

    func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.reference.appendingPathComponent(path)))
    }

    @Test func theReferencesListFilesDecodeAndEncodeBackByteForByte() throws {
        // gpus.json and models.json lack the reference's final newline; seekgpu adds it (decisions 8).
        let offerings = try DataFiles.offerings.decode(bytes("gpus.json"))
        #expect(offerings.count == 173)
        #expect(DataFiles.offerings.encode(offerings) == (try bytes("gpus.json")) + Array("\n".utf8))
        let models = try DataFiles.models.decode(bytes("models.json"))
        #expect(models.count == 22)
        #expect(DataFiles.models.encode(models) == (try bytes("models.json")) + Array("\n".utf8))
        let specs = try DataFiles.gpuSpecs.decode(bytes("gpu_specs.json"))
        #expect(DataFiles.gpuSpecs.encode(specs) == (try bytes("gpu_specs.json")))
        let prices = try DataFiles.apiPricing.decode(bytes("api_pricing.json"))
        #expect(prices.map(\.modelName) == ["claude-fable-5", "Gemini-3.5-Flash", "GPT-5.6"])
        #expect(prices.map(\.litellmID) == ["claude-fable-5", "gemini-3.5-flash", "gpt-5.6"])
        #expect(DataFiles.apiPricing.encode(prices) == (try bytes("api_pricing.json")))
    }

    @Test func everyRebuiltSnapshotRoundTripsByteForByte() throws {
        let days = try FileManager.default.contentsOfDirectory(atPath: Self.reference.appendingPathComponent("snapshots-rebuilt").path)
            .compactMap(Day.init(iso:)).sorted()
        #expect(days.count == 47)
        for day in days {
            let base = "snapshots-rebuilt/\(day.iso)/"
            let snapshot = try Snapshot(day: day, benchmarks: bytes(base + "benchmarks.json"), sota: bytes(base + "sota_scores.json"))
            #expect(snapshot.benchmarksFile == (try bytes(base + "benchmarks.json")), "\(day)")
            #expect(snapshot.sotaFile == (try bytes(base + "sota_scores.json")), "\(day)")
        }
    }

    @Test func theReferencesOwnFormatsDecodeWithoutWhatTheyLack() throws {
        let source = try DataFiles.gpuSource.decode(bytes("gpu_source.json"))
        #expect(source.asOf == nil && source.providers.isEmpty)
        let index = try DataFiles.snapshotIndex.decode(bytes("snapshots/index.json"))
        #expect(index.indexCommit == nil && index.snapshots.count == 53 && index.latest?.iso == "2026-06-18")
        let history = try DataFiles.priceHistory.decode(bytes("gpu_price_history.json"))
        #expect(history.series.count == 40)
        // Re-encoded in seekgpu's format: no generated_at.
        #expect(!String(decoding: DataFiles.priceHistory.encode(history), as: UTF8.self).contains("generated_at"))
        let metadata = try DataFiles.metadata.decode(bytes("metadata.json"))
        #expect(metadata.referenceUpdatedAt == "2026-08-22T04:02:18.359558+00:00" && metadata.indexCommit == nil)
    }

    @Test func seekgpusIndexListsFutureCommitsOnlyWhenThereAreAny() throws {
        let commit = String(repeating: "ab", count: 20)
        var index = SnapshotIndex(snapshots: [Day(iso: "2026-03-01")!], indexCommit: commit, configDigest: "00112233aabbccdd",
                                  sourceCommits: [(Day(iso: "2026-03-01")!, commit)])
        let plain = String(decoding: DataFiles.snapshotIndex.encode(index), as: UTF8.self)
        #expect(!plain.contains("future_commits"))
        index.futureCommits = [String(repeating: "cd", count: 20)]
        let encoded = DataFiles.snapshotIndex.encode(index)
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"future_commits\": [\n    \"cdcd"))
        #expect(try DataFiles.snapshotIndex.decode(encoded) == index)
        #expect(try DataFiles.snapshotIndex.decode(Array(plain.utf8)).futureCommits.isEmpty)
    }

    @Test(arguments: [
        (#"{"snapshots": ["2026-03-01"], "latest": "2026-03-01"}"#, "is neither seekgpu's snapshot index"),
        (#"{"snapshots": ["2026-03-02", "2026-03-01"], "latest": "2026-03-01", "generated_at": "x"}"#,
         "snapshots[1] 2026-03-01 is not after 2026-03-02"),
        (#"{"snapshots": ["2026-03-01"], "latest": "2026-03-02", "generated_at": "x"}"#,
         "latest is 2026-03-02 but the last snapshot is 2026-03-01"),
        (#"{"snapshots": [], "latest": null, "index_commit": "abc", "config_digest": "", "source_commits": {}}"#,
         "index_commit must be a 40-digit commit id, not 'abc'"),
    ])
    func aSnapshotIndexOutOfShapeIsNamed(text: String, message: String) {
        #expect {
            try DataFiles.snapshotIndex.decode(Array(text.utf8), name: "data/snapshots/index.json")
        } throws: { error in
            "\(error)".hasPrefix("data/snapshots/index.json") && "\(error)".contains(message)
        }
    }

    /// A `gpus.json` row, with one field replaced.
    func offering(_ key: String, _ value: JSONValue?) -> [UInt8] {
        var row = JSONObject([("gpu_name", "H100"), ("vram_gb", 80.0), ("gpu_count", 8), ("total_vram_gb", 640.0),
                              ("price_per_hour", 24.0), ("currency", "USD"), ("provider", "aws"),
                              ("instance_name", "p5.48xlarge"), ("location", "us-east-1"), ("interconnect", "nvlink")])
        if let value { row.setValue(value, forKey: key) } else { _ = row.removeValue(forKey: key) }
        let good = JSONValue.object(JSONObject([("gpu_name", "A100"), ("vram_gb", 80.0), ("gpu_count", 1),
                                                ("total_vram_gb", 80.0), ("price_per_hour", 1.0), ("currency", "USD"),
                                                ("provider", "aws"), ("instance_name", "x"), ("location", "y"),
                                                ("interconnect", "pcie")]))
        return CanonicalJSON.encode(.array([good, .object(row)]))
    }

    @Test(arguments: [
        ("price_per_hour", JSONValue.string("24"), "gpus.json: row 2: price_per_hour must be a number, not the text '24'"),
        ("price_per_hour", JSONValue.double(-1), "gpus.json: row 2: price_per_hour -1.0 is not a price (≥ 0)"),
        ("gpu_count", JSONValue.double(8.0), "gpus.json: row 2: gpu_count must be a whole number, not the number 8.0"),
        ("gpu_count", JSONValue.int(0), "gpus.json: row 2: gpu_count 0 is not a GPU count (≥ 1)"),
        ("gpu_name", Optional<JSONValue>.none, "gpus.json: row 2: gpu_name is missing"),
        ("interconnect", JSONValue.null, "gpus.json: row 2: interconnect must not be null"),
        ("interconnect", JSONValue.string("infiniband"), "gpus.json: row 2: interconnect is 'infiniband', not nvlink or pcie"),
        ("spot", JSONValue.bool(true), "gpus.json: row 2: spot is not a known field"),
    ])
    func aMalformedOfferingNamesTheRowAndTheField(key: String, value: JSONValue?, message: String) {
        #expect {
            try DataFiles.offerings.decode(offering(key, value))
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func aScoreOutsideZeroToAHundredIsMalformedInAPublishedSnapshot() {
        let row = #"[{"model_name": "A", "benchmark_name": "overall", "benchmark_display_name": "Overall", "score": 1e308, "rank": 1, "cost_per_task": null, "benchmark_group": "openhands", "benchmark_group_display": "OpenHands Index", "openness": null}]"#
        #expect {
            try DataFiles.benchmarks(Day(iso: "2026-03-01")!).decode(Array(row.utf8))
        } throws: { error in
            "\(error)" == "snapshots/2026-03-01/benchmarks.json: row 1: score 1e+308 is not a score in 0–100"
        }
    }

    @Test func nestedProblemsNameTheirPath() {
        let text = #"{"unit": "usd_per_node_hour", "series": [{"date": "2026-01-01", "prices": [{"gpu_name": "H100", "usd_per_node_hour": "26"}]}]}"#
        #expect {
            try DataFiles.priceHistory.decode(Array(text.utf8))
        } throws: { error in
            "\(error)" == "gpu_price_history.json: series[0].prices[0].usd_per_node_hour must be a number, not the text '26'"
        }
    }

    @Test func aFolderWritesAtomicallyAndOnlyWhenTheBytesChange() throws {
        let dir = try TemporaryDirectory()
        let folder = DataFolder(directory: dir.url.appendingPathComponent("data"))
        #expect(try folder.read(DataFiles.models) == nil)
        let metadata = DataMetadata(indexCommit: nil, latestSnapshot: Day(iso: "2026-06-18"), pricesAsOf: nil,
                                    catalogVersions: [("aws", "20260822-1")])
        #expect(try folder.write(metadata, as: DataFiles.metadata))
        #expect(try !folder.write(metadata, as: DataFiles.metadata))
        #expect(try folder.read(DataFiles.metadata) == metadata)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("data"))
        #expect(names == ["metadata.json"])
        try Data("[1,".utf8).write(to: folder.url(of: "models.json"))
        #expect {
            try folder.read(DataFiles.models)
        } throws: { error in
            "\(error)".hasPrefix(dir.path("data/models.json") + " is not valid JSON")
        }
    }

    @Test func theWholeDatasetOfTheReferenceDecodes() throws {
        let dataset = try DataFolder(directory: Self.reference).dataset()
        #expect(dataset.snapshots.count == 53 && dataset.latest?.day.iso == "2026-06-18")
        #expect(dataset.offerings.count == 173 && dataset.models.count == 22 && dataset.apiPrices.count == 3)
        #expect(dataset.metadata.latestSnapshot?.iso == "2026-06-18" && dataset.metadata.catalogVersions.isEmpty)
    }
}

extension CodecTests {
    @Test func anIndexReadInTheReferencesFormatIsWrittenBackAsOneThatReadsAgain() throws {
        let index = try DataFiles.snapshotIndex.decode(bytes("snapshots/index.json"))
        let written = DataFiles.snapshotIndex.encode(index)
        #expect(try DataFiles.snapshotIndex.decode(written) == index)
    }

    @Test(arguments: [
        ("memory_size_gb", JSONValue.double(0), "memory_size_gb 0.0 is not greater than zero"),
        ("fp16_tflops", JSONValue.int(-5), "fp16_tflops -5 is not greater than zero"),
        ("fp8_multiplier", JSONValue.int(4), "fp8_multiplier is 4, not 1 or 2"),
    ])
    func aDatasheetRowWithAnImpossibleFigureIsMalformed(key: String, value: JSONValue, message: String) throws {
        var specs = try DataFiles.gpuSpecs.decode(bytes("gpu_specs.json"))
        specs.removeSubrange(1...)
        guard case .array(var rows) = DataFiles.gpuSpecs.json(specs), var row = rows[0].objectValue else {
            Issue.record("gpu_specs.json did not encode as a list of objects")
            return
        }
        row.setValue(value, forKey: key)
        rows[0] = .object(row)
        #expect {
            try DataFiles.gpuSpecs.decode(CanonicalJSON.encode(.array(rows)))
        } throws: { "\($0)" == "gpu_specs.json: row 1: " + message }
    }

    @Test func unsizedModelsRoundTripAndAnUnknownReasonIsNamed() throws {
        let rows = [UnsizedModel(modelName: "GLM-5.1", reason: .gated, detail: "zai-org/GLM-5.1/resolve/main/config.json is gated (HTTP 401)"),
                    UnsizedModel(modelName: "New-Model", reason: .notInCatalog)]
        let bytes = DataFiles.unsizedModels.encode(rows)
        #expect(try DataFiles.unsizedModels.decode(bytes) == rows)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""action": "set HF_TOKEN to a token that can read the repository""#) && text.hasSuffix("]\n"))
        let unknown = Array(#"[{"model_name": "X", "reason": "vanished", "detail": "", "action": "a"}]"#.utf8)
        #expect {
            try DataFiles.unsizedModels.decode(unknown)
        } throws: { "\($0)".contains("unsized_models.json: row 1: reason 'vanished' is not a known reason") }
        // The site's own fallback is never read from the file.
        let siteOnly = Array(#"[{"model_name": "X", "reason": "not_fetched", "detail": "", "action": "a"}]"#.utf8)
        #expect(throws: DatasetError.self) { try DataFiles.unsizedModels.decode(siteOnly) }
    }
}
