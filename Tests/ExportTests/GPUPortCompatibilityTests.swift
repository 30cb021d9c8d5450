import ConfigKit
@testable import Export
import Foundation
import Testing
import TestSupport

/// What a configuration written for gpuport means here, key by key (README, "Export pipelines", gpuport compatibility).
@Suite struct GPUPortCompatibilityTests {
    static func pipeline(transformer: String, outputs: String = "[{type: local, path: o, filename_pattern: x}]",
                         filters: String = "[]") -> String {
        "pipelines:\n  - name: p\n    filters: \(filters)\n    transformer: \(transformer)\n    outputs: \(outputs)\n"
    }

    static func transformer(_ yaml: String) throws -> TransformerConfig {
        try ExportConfig.load(yaml: pipeline(transformer: yaml)).pipelines[0].transformer
    }

    @Test func formatIsTheKeyAndTypeItsAlias() throws {
        let csv = TransformerConfig.csv(CSVTransformerOptions(columns: [.init(field: "provider")]))
        #expect(try Self.transformer("{format: csv, fields: [provider]}") == csv)
        #expect(try Self.transformer("{type: csv, fields: [provider]}") == csv)
        #expect(try Self.transformer("{format: csv, type: csv, fields: [provider]}") == csv)
        // gpuport's own metrics model is `format: json` with `type: metrics`.
        #expect(try Self.transformer("{format: json, type: metrics, metrics: [{type: count}]}")
                == .metrics(MetricsTransformerOptions(metrics: [MetricConfig(aggregate: .count)])))
        #expect(try Self.transformer("{format: json}").format == "json")
    }

    @Test func formatAndTypeThatDisagreeAreReportedAtTheAlias() async throws {
        let yaml = "pipelines:\n  - name: p\n    transformer:\n      format: json\n      type: csv\n"
            + "    outputs: [{type: local, path: o, filename_pattern: x}]\n"
        let problems = ExportConfig.validate(yaml: yaml)
        #expect(problems == [ConfigProblem(message: "pipeline 'p': transformer has format 'json' and type 'csv', which "
            + "disagree; 'type' is an alias of 'format': remove it, or make both 'json'", line: 5, column: 13)])
        let directory = try TemporaryDirectory()
        try Data(yaml.utf8).write(to: directory.url.appendingPathComponent("export.yaml"))
        let result = try await ExportCommandTests().run(["validate", "--config", "export.yaml"],
                                                        base: LoopbackHTTPServer.refusingURL, in: directory.url)
        #expect(result.status == 78)
        #expect(result.stderr.contains("export.yaml:5:13: pipeline 'p': transformer has format 'json' and type 'csv'"))
    }

    @Test func explicitNullsForGPUPortsOptionalKeysAreLeftOut() throws {
        let config = try ExportConfig.load(yaml: """
            version: "1.0"
            pipelines:
              - name: p
                description: null
                filters:
                  - {field: spot_price, operator: is_null, value: null, values: null, min: null, max: null}
                transformer:
                  format: metrics
                  metrics:
                    - {name: n, type: count, field: null, group_by: null}
                outputs:
                  - type: s3
                    name: null
                    bucket: b-1
                    region: null
                    endpoint_url: null
                    filename_pattern: x.json
                    credentials: null
                    server_side_encryption: null
                    metadata: null
                  - type: https
                    url: https://h.example/x
                    headers: null
                    client_cert: null
                    client_key: null
              - name: q
                transformer: {format: json, fields: null}
                outputs: [{type: local, path: o, filename_pattern: x}]
            """)
        #expect(config.pipelines[0].filters == [FilterConfig(field: "spot_price", condition: .isNull)])
        #expect(config.pipelines[0].outputs[0] == .s3(S3OutputConfig(bucket: "b-1", filenamePattern: "x.json",
                                                                     sessionTokenEnv: "AWS_SESSION_TOKEN")))
        #expect(config.pipelines[0].outputs[1] == .https(HTTPSOutputConfig(url: "https://h.example/x")))
        #expect(config.pipelines[1].transformer == .json(JSONTransformerOptions()))
        // A key gpuport does not declare optional stays an error when null.
        let problems = ExportConfig.validate(yaml: Self.pipeline(transformer: "{format: json}",
                                                                 outputs: "[{type: s3, bucket: b-1, filename_pattern: x, acl: null}]"))
        #expect(problems.map(\.message) == ["pipeline 'p': outputs[0] (s3): acl must be text, not null"])
    }

    @Test func booleansAndNumbersAreReadAsPydanticReadsThem() throws {
        let config = try ExportConfig.load(yaml: """
            pipelines:
              - name: p
                enabled: "yes"
                filters: [{field: price, operator: between, min: "1.5", max: 4}]
                transformer: {format: json, pretty_print: "true", include_raw_data: 0, flatten_nested: off}
                outputs:
                  - {type: local, path: o, filename_pattern: x, overwrite: "on", create_dirs: "False"}
                  - {type: https, url: 'https://h.example/x', retry_attempts: "2", batch_size: 100.0, timeout: "7.5",
                     verify_ssl: 1, retry_on_status: ["502", 503.0]}
            """)
        let pipeline = config.pipelines[0]
        #expect(pipeline.enabled && pipeline.filters == [FilterConfig(field: "price", condition: .between(min: 1.5, max: 4))])
        #expect(pipeline.transformer == .json(JSONTransformerOptions(prettyPrint: true)))
        #expect(pipeline.outputs[0] == .local(LocalOutputConfig(path: "o", filenamePattern: "x", createDirs: false, overwrite: true)))
        #expect(pipeline.outputs[1] == .https(HTTPSOutputConfig(url: "https://h.example/x", batchSize: 100, retryAttempts: 2,
                                                                retryOnStatus: [502, 503], verifySSL: true, timeout: 7.5)))
        let problems = ExportConfig.validate(yaml: Self.pipeline(
            transformer: "{format: json, pretty_print: maybe}", outputs: "[{type: https, url: 'https://h.example/x', retry_attempts: 2.5}]",
            filters: "[{field: price, operator: lt, value: '10.0'}]"))
        #expect(problems.map(\.message) == [
            "pipeline 'p': filters[0].value must be a number, not the text '10.0'",
            "pipeline 'p': transformer (json): pretty_print must be true or false, not the text 'maybe'",
            "pipeline 'p': outputs[0] (https): retry_attempts must be a whole number, not the number 2.5",
        ])
    }

    @Test func availabilityTakesBothSpellingsAndReportsOthers() throws {
        let config = try ExportConfig.load(yaml: Self.pipeline(
            transformer: "{format: json}", filters: "[{field: availability, operator: in, values: [High, 'Not Available', medium]}]"))
        #expect(config.pipelines[0].filters[0].condition == .isIn([.text("HIGH"), .text("NOT_AVAILABLE"), .text("MEDIUM")]))
        let records = [ExportFixture.record(availability: .high), ExportFixture.record(availability: .low),
                       ExportFixture.record(availability: nil)]
        #expect(try RecordFilter(config.pipelines[0].filters).apply(records) == [records[0]])
        let problems = ExportConfig.validate(yaml: Self.pipeline(
            transformer: "{format: json}", filters: "[{field: availability, operator: eq, value: HIHG}]"))
        #expect(problems.map(\.message) == ["pipeline 'p': filters[0].value: 'HIHG' is not an availability; did you mean "
            + "'HIGH'? (availabilities: NOT_AVAILABLE, LOW, MEDIUM, HIGH)"])
    }

    @Test func gpuportsProviderNamesMatchGpuhuntsIds() throws {
        let records = [ExportFixture.record(provider: "runpod"), ExportFixture.record(provider: "lambdalabs"),
                       ExportFixture.record(provider: "aws")]
        func kept(_ condition: FilterConfig.Condition) throws -> [String] {
            try RecordFilter([FilterConfig(field: "provider", condition: condition)]).apply(records).map(\.provider)
        }
        #expect(try kept(.eq(.text("RunPod"))) == ["runpod"])
        #expect(try kept(.ne(.text("AWS"))) == ["runpod", "lambdalabs"])
        #expect(try kept(.isIn([.text("Lambda Labs"), .text("aws")])) == ["lambdalabs", "aws"])
        #expect(try kept(.notIn([.text("RUNPOD")])) == ["lambdalabs", "aws"])
        #expect(try kept(.contains("Pod")).isEmpty)  // text operators stay literal
    }

    @Test func csvTakesPythonsQuoteEscapeAndLineTerminator() throws {
        let transformer = try Self.transformer(#"""
            {format: csv, fields: {instance_type: i, region: r}, delimiter: ";", quote_char: "'", escape_char: "\\",
                 line_terminator: "\n"}
            """#)
        let records = [ExportFixture.record(instanceType: #"a\b"#, region: "q'r;s")]
        let context = TransformContext(runTime: ExportFixture.runTime, inputCount: 1, catalogVersions: [:])
        let text = ExportFixture.text(try Transformer.payload(transformer, records: records, context: context).bytes())
        #expect(text == "i;r\n" + #"a\\b;'q''r;s'"# + "\n")  // as Python's csv.DictWriter writes it
        let problems = ExportConfig.validate(yaml: Self.pipeline(transformer: "{format: csv, fields: [provider], quote_char: ','}"))
        #expect(problems.map(\.message) == ["pipeline 'p': transformer (csv): quote_char and delimiter are both ','; they must differ"])
    }

    @Test func gzipAppendsGzUnlessTheNameEndsInIt() {
        let date = ExportFixture.runTime
        #expect(LocalDestination.fileName(LocalOutputConfig(path: "o", filenamePattern: "x.json", compression: .gzip), at: date)
                == "x.json.gz")
        #expect(LocalDestination.fileName(LocalOutputConfig(path: "o", filenamePattern: "{date}/gpus_{time}.json.gz",
                                                            compression: .gzip), at: date) == "2026-08-22/gpus_13-30-05.json.gz")
        #expect(LocalDestination.fileName(LocalOutputConfig(path: "o", filenamePattern: "x.json"), at: date) == "x.json")
    }

    @Test func s3TakesRegionAndEndpointFromTheEnvironmentAsTheAWSSDKsDo() throws {
        let bare = S3OutputConfig(bucket: "b-1", filenamePattern: "x")
        #expect(try S3Destination.resolved(bare, environment: [:]).region == "us-east-1")
        #expect(try S3Destination.resolved(bare, environment: ["AWS_DEFAULT_REGION": "eu-west-1"]).region == "eu-west-1")
        #expect(try S3Destination.resolved(bare, environment: ["AWS_DEFAULT_REGION": "eu-west-1", "AWS_REGION": "ap-south-1"])
                .region == "ap-south-1")
        var configured = bare
        configured.region = "us-west-2"
        configured.endpointURL = "http://127.0.0.1:9000"
        let both = ["AWS_REGION": "ap-south-1", "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:1", "AWS_ENDPOINT_URL": "http://127.0.0.1:2"]
        #expect(try S3Destination.resolved(configured, environment: both) == configured)
        #expect(try S3Destination.resolved(bare, environment: both).endpointURL == "http://127.0.0.1:1")
        #expect(try S3Destination.resolved(bare, environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:2"]).endpointURL
                == "http://127.0.0.1:2")
        #expect(try S3Destination.resolved(bare, environment: both.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) { $1 })
                .endpointURL == nil)
        let error = #expect(throws: S3OutputError.self) {
            try S3Destination.resolved(bare, environment: ["AWS_ENDPOINT_URL_S3": "ftp://127.0.0.1"])
        }
        #expect(error?.message.contains("AWS_ENDPOINT_URL_S3 is not an http:// or https:// URL") == true)
    }

    @Test func descriptionsVersionsAndOutputNamesAreAcceptedAndNamesShownInTheReport() async throws {
        let directory = try TemporaryDirectory()
        try Data("old".utf8).write(to: directory.url.appendingPathComponent("taken.json"))
        let config = try ExportConfig.load(yaml: """
            version: 1.0
            pipelines:
              - name: p
                description: Every offer, for the archive
                transformer: {format: json}
                outputs: [{type: local, name: archive, path: '\(directory.path)', filename_pattern: taken.json}]
            """)
        #expect(config.pipelines[0].description == "Every offer, for the archive" && config.pipelines[0].outputs[0].name == "archive")
        let report = await ExportRunner(environment: [:], runTime: ExportFixture.runTime)
            .run(config, input: ExportInput(records: [ExportFixture.record()], catalogVersions: [:]))
        #expect(report.pipelines[0].outputs[0].name == "archive")
        #expect(report.table().contains("  p: local 'archive' \(directory.path): '\(directory.path("taken.json"))' already exists"))
    }
}
