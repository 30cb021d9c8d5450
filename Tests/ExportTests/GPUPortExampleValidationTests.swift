import Export
import Foundation
import Testing
import TestSupport

/// gpuport's documented examples are accepted as they are: by `ExportConfig.validate(yaml:)` and by
/// `seekgpu validate --config FILE` (exit 0), and they decode to what gpuport means.
@Suite struct GPUPortExampleValidationTests {
    static let runnable = GPUPortExamples.configurations + GPUPortExamples.wrappedFragments

    @Test func everyExampleIsTheDocumentationsTextByteForByte() throws {
        #expect(GPUPortExamples.verbatim.count == 11)
        for example in GPUPortExamples.verbatim {
            #expect(try GPUPortExamples.verbatimInDocumentation(example), "not in the documentation:\n\(example)")
        }
    }

    @Test func theDocumentedFieldsAreTheRecordsFields() throws {
        let document = try GPUPortExamples.documentation
        let section = try #require(document.components(separatedBy: "### Available Fields").last?
            .components(separatedBy: "## Transformers").first)
        let names = section.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(names == ExportRecord.fieldNames)
        #expect(section.contains("(NOT_AVAILABLE, LOW, MEDIUM, HIGH)")
                && ExportRecord.Availability.allCases.map(\.rawValue) == ["NOT_AVAILABLE", "LOW", "MEDIUM", "HIGH"])
    }

    @Test(arguments: runnable.indices)
    func everyExampleValidates(index: Int) {
        let (name, yaml) = Self.runnable[index]
        #expect(ExportConfig.validate(yaml: yaml) == [], "\(name)")
        #expect(throws: Never.self, "\(name)") { try ExportConfig.load(yaml: yaml) }
    }

    @Test func seekgpuValidateExitsZeroForEveryExample() async throws {
        let directory = try TemporaryDirectory()
        for (index, (name, yaml)) in Self.runnable.enumerated() {
            let file = "example-\(index).yaml"
            try Data(yaml.utf8).write(to: directory.url.appendingPathComponent(file))
            let result = try await ExportCommandTests().run(["validate", "--config", file], base: LoopbackHTTPServer.refusingURL,
                                                            in: directory.url)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.hasPrefix("\(file): valid; "), "\(name): \(result.stdout)")
        }
        // gpuport's `export --validate-only` too.
        let result = try await ExportCommandTests().run(["export", "--config", "example-0.yaml", "--validate-only"],
                                                        base: LoopbackHTTPServer.refusingURL, in: directory.url)
        #expect(result.status == 0 && result.stdout == "example-0.yaml: valid; 1 pipeline (1 enabled), 1 output (local 1)\n",
                "\(result.stdout)\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("data")))
    }

    @Test func theExamplesMeanWhatGPUPortMeans() throws {
        let complete = try ExportConfig.load(yaml: GPUPortExamples.completeExample)
        #expect(complete.pipelines.map(\.name) == ["production-export", "eu-regions-report", "daily-metrics"])
        let production = complete.pipelines[0]
        #expect(production.filters == [FilterConfig(field: "availability", condition: .isIn([.text("HIGH"), .text("MEDIUM")])),
                                       FilterConfig(field: "price", condition: .lt(10))])
        #expect(production.transformer == .json(JSONTransformerOptions(
            prettyPrint: true, fields: [.init(field: "provider", key: "Provider"), .init(field: "accelerator_name", key: "GPU"),
                                        .init(field: "price", key: "PricePerHour")])))
        guard case .s3(let s3) = production.outputs[0], case .local(let backup) = production.outputs[1] else {
            Issue.record("outputs: \(production.outputs)")
            return
        }
        #expect(s3 == S3OutputConfig(bucket: "gpu-data-prod", prefix: "high-availability/", region: "us-east-1",
                                     filenamePattern: "{date}/gpus_{time}.json.gz", compression: .gzip))
        #expect(backup == LocalOutputConfig(path: "./backups", filenamePattern: "backup_{timestamp}.json"))
        guard case .metrics(let metrics) = complete.pipelines[2].transformer,
              case .https(let https) = complete.pipelines[2].outputs[0] else {
            Issue.record("daily-metrics: \(complete.pipelines[2])")
            return
        }
        // include_collection_info is not written: gpuport's default, true.
        #expect(metrics.includeTimestamp && metrics.includeCollectionInfo)
        #expect(metrics.metrics.map(\.name) == ["total_instances", "avg_price", "providers"])
        #expect(https == HTTPSOutputConfig(url: "https://metrics.example.com/api/gpu-stats",
                                           headers: ["Authorization": "Bearer ${METRICS_API_TOKEN}"], retryAttempts: 3))
        #expect(https.retryDelay == 5 && https.retryOnStatus == [500, 502, 503, 504])
    }

    @Test func theSnippetsDecodeWithTheirDocumentedValues() throws {
        let outputs = try [4, 5, 6].map { index -> OutputConfig in
            let config = try ExportConfig.load(yaml: GPUPortExamples.wrappedFragments[index].yaml)
            return try #require(config.pipelines.first?.outputs.first)
        }
        #expect(outputs[0] == .local(LocalOutputConfig(path: "./data/exports", filenamePattern: "gpus_{date}.json")))
        #expect(outputs[1] == .s3(S3OutputConfig(
            bucket: "my-bucket", prefix: "data/", region: "us-east-1", endpointURL: nil, filenamePattern: "gpus_{timestamp}.json",
            compression: .gzip, sessionTokenEnv: "AWS_SESSION_TOKEN", storageClass: "STANDARD", serverSideEncryption: nil,
            acl: "private", metadata: ["pipeline": "daily-export"])))
        #expect(outputs[2] == .https(HTTPSOutputConfig(
            url: "https://api.example.com/webhooks/gpu-data", headers: ["Authorization": "Bearer ${API_TOKEN}",
                                                                        "Content-Type": "application/json"],
            batchSize: 100, batchDelay: 1, retryAttempts: 3, retryDelay: 5, retryBackoff: 2, retryOnStatus: [500, 502, 503, 504],
            verifySSL: true, clientCert: nil, clientKey: nil, timeout: 30)))
        let json = try ExportConfig.load(yaml: GPUPortExamples.wrappedFragments[1].yaml).pipelines[0].transformer
        #expect(json == .json(JSONTransformerOptions(prettyPrint: true, fields: [.init(field: "provider", key: "cloud_provider"),
                                                                                 .init(field: "price", key: "hourly_cost")])))
        let csv = try ExportConfig.load(yaml: GPUPortExamples.wrappedFragments[2].yaml).pipelines[0].transformer
        #expect(csv == .csv(CSVTransformerOptions(columns: [.init(field: "provider", header: "Provider"),
                                                            .init(field: "instance_type", header: "Instance Type"),
                                                            .init(field: "price", header: "Price")])))
        let metrics = try ExportConfig.load(yaml: GPUPortExamples.wrappedFragments[3].yaml).pipelines[0].transformer
        #expect(metrics == .metrics(MetricsTransformerOptions(metrics: [
            MetricConfig(name: "total", aggregate: .count), MetricConfig(name: "avg_price", aggregate: .avg, field: "price"),
            MetricConfig(name: "by_provider", aggregate: .count, groupBy: ["provider"]),
            MetricConfig(name: "unique_gpus", aggregate: .unique, field: "accelerator_name"),
        ], includeTimestamp: true, includeCollectionInfo: false)))
    }

    /// The Basic Pipeline section is a skeleton (`transformer: {}`, `outputs: []`): as in gpuport's models, `{}` is a
    /// JSON transformer with every default and an empty output list is allowed.
    @Test func theBasicPipelineSkeletonValidatesAsAJSONPipelineWithoutOutputs() throws {
        #expect(ExportConfig.validate(yaml: GPUPortExamples.basicPipeline).isEmpty)
        let pipeline = try #require(try ExportConfig.load(yaml: GPUPortExamples.basicPipeline).pipelines.first)
        #expect(pipeline.name == "pipeline-name" && pipeline.enabled && pipeline.filters.isEmpty && pipeline.outputs.isEmpty)
        #expect(pipeline.transformer == .json(JSONTransformerOptions()))
    }
}

extension GPUPortExampleValidationTests {
    @Test func aTransformerWithoutAKindIsJSONOrMetricsWhenItListsMetrics() throws {
        let yaml = """
            pipelines:
              - name: counted
                transformer:
                  metrics:
                    - name: total
                      type: count
                outputs: []
            """
        #expect(ExportConfig.validate(yaml: yaml).isEmpty)
        let transformer = try ExportConfig.load(yaml: yaml).pipelines[0].transformer
        #expect(transformer == .metrics(MetricsTransformerOptions(metrics: [MetricConfig(name: "total", aggregate: .count)])))
    }
}
