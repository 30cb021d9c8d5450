import Export
import Foundation
import Testing
import TestSupport

@Suite struct ExportRunnerTests {
    /// Fails with a message that holds a secret value, to check masking.
    struct LeakyDestination: ExportDestination {
        var label: String { "leaky" }
        func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String {
            struct Leak: Error, CustomStringConvertible {
                var description: String
            }
            throw Leak(description: "denied for key \(context.environment["SECRET_KEY"] ?? "")")
        }
    }

    func config(_ directory: TemporaryDirectory) throws -> ExportConfig {
        try ExportConfig.load(yaml: """
            pipelines:
              - name: h100
                filters: [{field: accelerator_name, operator: eq, value: H100}]
                transformer: {type: csv, fields: [provider, price]}
                outputs:
                  - {type: local, path: '\(directory.path)', filename_pattern: taken.csv}
                  - {type: local, path: '\(directory.path)', filename_pattern: h100.csv.gz, compression: gzip}
                  - type: s3
                    bucket: b-1
                    filename_pattern: x.csv
                    credentials: {access_key_env: ACCESS_KEY, secret_key_env: SECRET_KEY}
              - name: all
                transformer: {type: metrics, metrics: [{type: count}]}
                outputs: [{type: local, path: '\(directory.path)', filename_pattern: 'm-{date}.json'}]
              - name: off
                enabled: false
                transformer: {type: json}
                outputs: [{type: local, path: '\(directory.path)', filename_pattern: off.json}]
            """)
    }

    @Test func aFailingOutputStopsNeitherTheOthersNorOtherPipelines() async throws {
        let directory = try TemporaryDirectory()
        try Data("old".utf8).write(to: directory.url.appendingPathComponent("taken.csv"))
        let input = try await ExportFixture.input()
        let environment = ["SECRET_KEY": "wJalrXUtnFEMI/K7MDENG", "ACCESS_KEY": "AKIAEXAMPLE"]
        let runner = ExportRunner(makeDestination: { output in
            if case .s3 = output { return LeakyDestination() }
            return DestinationFactory.make(output)
        }, environment: environment, runTime: ExportFixture.runTime)
        let report = try await runner.run(config(directory), input: input)

        #expect(!report.success)
        let h100 = report.pipelines[0]
        #expect(h100.name == "h100" && h100.enabled && !h100.success)
        #expect(h100.inputCount == 253 && h100.filteredCount == input.records.filter { $0.raw["gpu_name"] == "H100" }.count)
        #expect(h100.outputsSucceeded == 1 && h100.outputs.count == 3)
        #expect(h100.outputs.map(\.succeeded) == [false, true, false])
        #expect(h100.outputs[0].error?.contains("already exists") == true)
        #expect(h100.outputs[2].error == "denied for key ***")
        #expect(FileManager.default.fileExists(atPath: directory.path("h100.csv.gz")))

        let all = report.pipelines[1]
        #expect(all.success && all.filteredCount == 253 && all.outputsSucceeded == 1)
        #expect(FileManager.default.fileExists(atPath: directory.path("m-2026-08-22.json")))
        #expect(!report.pipelines[2].enabled && report.pipelines[2].success && report.pipelines[2].outputs.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.path("off.json")))

        let table = report.table()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("pipeline  status    input  filtered  outputs  filter"))
        #expect(lines[1].hasPrefix("h100      FAILED      253") && lines[1].contains("1/3"))
        #expect(lines[2].hasPrefix("all       ok          253       253  1/1"))
        #expect(lines[3].hasPrefix("off       disabled"))
        #expect(table.contains("h100: s3 leaky: denied for key ***"))
        #expect(!table.contains("wJalrXUtnFEMI"))
        #expect(h100.filterDuration > .zero && all.transformDuration > .zero && all.outputDuration > .zero)
    }

    @Test func withoutFailuresTheReportSucceeds() async throws {
        let directory = try TemporaryDirectory()
        let config = try ExportConfig.load(yaml: """
            pipelines:
              - name: spot
                filters: [{field: spot_price, operator: is_not_null}]
                transformer: {type: json, pretty_print: true}
                outputs: [{type: local, path: '\(directory.path)', filename_pattern: 'spot-{timestamp}.json'}]
            """)
        let report = await ExportRunner(environment: [:], runTime: ExportFixture.runTime)
            .run(config, input: try await ExportFixture.input())
        #expect(report.success && report.pipelines[0].filteredCount == 25)
        #expect(report.pipelines[0].outputs[0].location == directory.path("spot-20260822-133005.json"))
    }

    @Test func failingRemoteOutputsAreReportedWithoutSecretsAndWithoutStoppingTheRun() async throws {
        let refusing = LoopbackHTTPServer.refusingURL
        let config = try ExportConfig.load(yaml: """
            pipelines:
              - name: remote
                transformer: {type: json}
                outputs:
                  - {type: s3, bucket: b-1, filename_pattern: x, endpoint_url: '\(refusing)'}
                  - {type: https, url: '\(refusing)/x?token=1', retry_attempts: 0}
            """)
        let report = await ExportRunner(environment: [:], runTime: ExportFixture.runTime)
            .run(config, input: ExportInput(records: [ExportFixture.record()], catalogVersions: [:]))
        let errors = report.pipelines[0].outputs.map { $0.error ?? "" }
        #expect(!report.success)
        #expect(errors[0].contains("AWS_ACCESS_KEY_ID"), "\(errors[0])")  // the variable to set, named
        #expect(!errors[1].isEmpty && !errors[1].contains("token=1"), "\(errors[1])")
        #expect(report.pipelines[0].outputs[1].label == "POST \(refusing)/x")
    }
}
