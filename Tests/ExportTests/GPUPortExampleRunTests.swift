import Export
import Foundation
import SeekCore
import Testing
import TestSupport

/// gpuport's documented examples with local outputs, run over real catalog rows into a temporary directory
/// (their relative paths such as `./data` resolve against it); expectations come from the raw catalog columns.
@Suite struct GPUPortExampleRunTests {
    @Test func theQuickStartWritesPrettyJSONWithoutUnavailableOffers() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let report = try await GPUPortRun.run(GPUPortExamples.quickStart, in: directory, input: input)
        #expect(report.success && report.pipelines[0].outputs[0].location == directory.path("data/gpus_2026-08-22.json"))
        let text = GPUPortRun.text("data/gpus_2026-08-22.json", in: directory)
        #expect(text.hasPrefix("[\n  {\n    \"provider\": \"aws\",\n    \"instance_type\": "))
        let offers = try #require(try JSONParser.parse(text).arrayValue)
        let kept = input.records.indices.filter { GPUPortRun.availability(at: $0) != .notAvailable }
        #expect(offers.count == kept.count && offers.count < input.records.count)
        #expect(offers.allSatisfy { $0["availability"]?.stringValue != "NOT_AVAILABLE" })
        #expect(offers.contains { $0["availability"] == .null } && offers.contains { $0["availability"] == "HIGH" })
    }

    @Test func theBasicPipelineRunsAndDeliversNowhere() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let report = try await GPUPortRun.run(GPUPortExamples.basicPipeline, in: directory, input: input)
        #expect(report.success && report.pipelines.count == 1)
        #expect(report.pipelines[0].inputCount == input.records.count && report.pipelines[0].filteredCount == input.records.count)
        #expect(report.pipelines[0].outputs.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func multiplePipelinesWriteTheFullJSONAndTheExpensiveCSV() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let report = try await GPUPortRun.run(GPUPortExamples.multiplePipelines, in: directory, input: input)
        #expect(report.success && report.pipelines.map(\.filteredCount) == [253, 45])
        // {timestamp} is gpuport's %Y%m%d-%H%M%S; compact JSON is one line.
        let full = GPUPortRun.text("exports/full_20260822-133005.json", in: directory)
        #expect(try JSONParser.parse(full).arrayValue?.count == 253 && full.filter { $0 == "\n" }.count == 1)
        let lines = GPUPortRun.lines(GPUPortRun.text("reports/expensive_2026-08-22.csv", in: directory))
        let expensive = input.records.filter { (GPUPortRun.rawPrice($0) ?? 0) >= 10 }
        #expect(lines.first == "Provider,Price ($/hr)")
        #expect(Array(lines.dropFirst()) == expensive.map { "\($0.provider),\($0.raw["price"] ?? "")" } && expensive.count == 45)
    }

    @Test func everyDocumentedFilterOperatorKeepsWhatItSays() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let yaml = GPUPortExamples.wrappedFragments[0].yaml
        // All of them at once contradict each other (spot_price is_null and is_not_null): nothing is left.
        let report = try await GPUPortRun.run(yaml, in: directory, input: input)
        #expect(report.success && report.pipelines[0].filteredCount == 0)
        #expect(GPUPortRun.text("out/filters.json", in: directory) == "[]\n")
        // Each one alone, against the raw catalog columns.
        let filters = try ExportConfig.load(yaml: yaml).pipelines[0].filters
        let availability = GPUPortRun.availability(at:)
        let price = GPUPortRun.rawPrice
        let predicates: [(Int, ExportRecord) -> Bool] = [
            { $1.provider == "runpod" },  // eq RunPod: gpuport's name of gpuhunt's runpod
            { $1.provider != "aws" },  // ne AWS
            { price($1).map { $0 < 5 } ?? false },
            { price($1).map { $0 >= 1 } ?? false },
            { price($1).map { $0 >= 1 && $0 <= 5 } ?? false },
            { index, _ in [.high, .medium].contains(availability(index)) },
            { _, _ in true },  // not_in [deprecated-1, deprecated-2]
            { ($1.raw["location"] ?? "").hasPrefix("EU-") },
            { ($1.raw["instance_name"] ?? "").contains("A100") },
            { ($1.raw["instance_name"] ?? "").hasPrefix("gpu") },
            { $1.raw["spot"] == "False" },  // spot_price is_null
            { $1.raw["spot"] == "True" },
        ]
        let expected = predicates.map { test in input.records.indices.filter { test($0, input.records[$0]) } }
        #expect(filters.count == expected.count)
        for (filter, indices) in zip(filters, expected) {
            let kept = try RecordFilter([filter]).apply(input.records)
            #expect(kept == indices.map { input.records[$0] }, "\(filter)")
            #expect(!kept.isEmpty, "\(filter)")
        }
    }

    @Test func theJSONSnippetWritesOnlyTheMappedKeysPrettyPrinted() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let report = try await GPUPortRun.run(GPUPortExamples.wrappedFragments[1].yaml, in: directory, input: input)
        #expect(report.success)
        let text = GPUPortRun.text("out/gpus.json", in: directory)
        #expect(text.hasPrefix("[\n  {\n    \"cloud_provider\": \"aws\",\n    \"hourly_cost\": "))
        let offers = try #require(try JSONParser.parse(text).arrayValue)
        #expect(offers.count == 253 && offers.allSatisfy { $0.objectValue?.keys == ["cloud_provider", "hourly_cost"] })
        // null_handling "null": spot rows have no on-demand price.
        #expect(offers.map { $0["hourly_cost"]?.doubleValue } == input.records.map(GPUPortRun.rawPrice))
        #expect(offers.filter { $0["hourly_cost"] == .null }.count == 25)
    }

    @Test func theCSVSnippetWritesTheHeaderNamesInOrder() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        #expect(try await GPUPortRun.run(GPUPortExamples.wrappedFragments[2].yaml, in: directory, input: input).success)
        let lines = GPUPortRun.lines(GPUPortRun.text("out/gpus.csv", in: directory))
        #expect(lines.first == "Provider,Instance Type,Price" && lines.count == 254)
        let rows = input.records.map { record in
            let name = record.raw["instance_name"] ?? ""
            return "\(record.provider),\(name.contains(",") ? "\"\(name)\"" : name),"
                + (GPUPortRun.rawPrice(record) == nil ? "" : record.raw["price"] ?? "")
        }
        #expect(Array(lines.dropFirst()) == rows)
    }

    @Test func theMetricsSnippetSummarisesTheCatalog() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        #expect(try await GPUPortRun.run(GPUPortExamples.wrappedFragments[3].yaml, in: directory, input: input).success)
        let json = try GPUPortRun.json("out/metrics.json", in: directory)
        let prices = input.records.compactMap(GPUPortRun.rawPrice)
        #expect(json["metrics"]?["total"]?["value"] == .int(253))
        #expect(abs((json["metrics"]?["avg_price"]?["value"]?.doubleValue ?? 0) - prices.reduce(0, +) / Double(prices.count)) < 1e-9)
        #expect(json["metrics"]?["by_provider"]?["groups"]?.arrayValue?.count == Set(input.records.map(\.provider)).count)
        let gpus = Set(input.records.compactMap { $0.raw["gpu_name"] }.filter { !$0.isEmpty })
        #expect(json["metrics"]?["unique_gpus"]?["value"] == .int(gpus.count))
        // include_timestamp: true, include_collection_info: false.
        #expect(json["timestamp"] == .int(1_787_405_405) && json["collection_info"] == nil)
    }

    @Test func theLocalSnippetWritesOnceAndDoesNotOverwrite() async throws {
        let directory = try TemporaryDirectory()
        let input = try await GPUPortRun.input()
        let yaml = GPUPortExamples.wrappedFragments[4].yaml
        #expect(try await GPUPortRun.run(yaml, in: directory, input: input).success)
        let path = "data/exports/gpus_2026-08-22.json"
        let first = GPUPortRun.text(path, in: directory)
        #expect(try JSONParser.parse(first).arrayValue?.count == 253)  // compression "none": plain JSON
        let again = try await GPUPortRun.run(yaml, in: directory, input: ExportInput(records: [], catalogVersions: [:]))
        #expect(again.pipelines[0].outputs[0].error?.contains("already exists") == true)  // overwrite: false
        #expect(GPUPortRun.text(path, in: directory) == first)
    }

    @Test func seekgpuExportRunsTheLocalExamplesInItsDirectory() async throws {
        let directory = try TemporaryDirectory()
        try Data(GPUPortExamples.quickStart.utf8).write(to: directory.url.appendingPathComponent("quick.yaml"))
        try Data(GPUPortExamples.multiplePipelines.utf8).write(to: directory.url.appendingPathComponent("multiple.yaml"))
        try await LoopbackHTTPServer.with(serving: Fixtures.shared("gpuhunt")) { server in
            for file in ["quick.yaml", "multiple.yaml"] {
                let result = try await ExportCommandTests().run(["export", "--config", file], base: server.baseURL, in: directory.url)
                #expect(result.status == 0, "\(file): \(result.stderr)")
            }
        }
        let data = try FileManager.default.contentsOfDirectory(atPath: directory.path("data"))
        #expect(data.count == 1 && data[0].hasPrefix("gpus_") && data[0].hasSuffix(".json"))
        // The catalogs say no availability: `ne NOT_AVAILABLE` keeps every row.
        #expect(try GPUPortRun.json("data/\(data[0])", in: directory).arrayValue?.count == 253)
        let reports = try FileManager.default.contentsOfDirectory(atPath: directory.path("reports"))
        #expect(reports.count == 1 && GPUPortRun.text("reports/\(reports[0])", in: directory).hasPrefix("Provider,Price ($/hr)\r\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("exports")).count == 1)
    }
}
