import Export
import Foundation
import SeekCore
import TestSupport

/// Runs gpuport's examples through the real ``ExportRunner`` and destinations over real catalog rows.
enum GPUPortRun {
    /// The availability record `index` gets in these runs: HIGH, MEDIUM, LOW, NOT_AVAILABLE, unknown, in turn.
    static func availability(at index: Int) -> ExportRecord.Availability? {
        [.high, .medium, .low, .notAvailable, nil][index % 5]
    }

    /// Every row of the gpuhunt fixture (served on 127.0.0.1 and read by the real catalog code, ``ExportFixture``),
    /// with availability set by ``availability(at:)``: the fixture's catalogs say none, and the examples filter on it.
    static func input() async throws -> ExportInput {
        var input = try await ExportFixture.input()
        for index in input.records.indices { input.records[index].availability = availability(at: index) }
        return input
    }

    /// The on-demand price of a record from its raw catalog columns (nil on spot rows), independent of the mapping.
    static func rawPrice(_ record: ExportRecord) -> Double? {
        record.raw["spot"] == "False" ? Double(record.raw["price"] ?? "") : nil
    }

    /// Runs `yaml`: relative local paths under `directory`, S3 without retries, HTTPS waits recorded by `recorder`
    /// instead of slept; the run time is ``ExportFixture/runTime`` (2026-08-22T13:30:05Z).
    static func run(_ yaml: String, in directory: TemporaryDirectory, environment: [String: String] = [:],
                    input: ExportInput, recorder: HTTPSDestinationTests.Recorder = .init()) async throws -> ExportReport {
        let config = try ExportConfig.load(yaml: yaml)
        let runner = ExportRunner(makeDestination: { output in
            switch output {
            case .https(let https): HTTPSDestination(config: https, sleep: recorder.sleeper)
            case .s3(let s3): S3Destination(config: s3, retry: .none)
            case .local: DestinationFactory.make(output)
            }
        }, environment: environment, runTime: ExportFixture.runTime, baseDirectory: directory.url)
        return await runner.run(config, input: input)
    }

    /// `yaml` with its one occurrence of `url` replaced by `replacement`, the copy's only change. The examples' webhook
    /// URLs (`https://…example.com/…`) must never be contacted, and seekgpu has no switch that sends a configured
    /// https:// URL elsewhere: one would also send the request's `Authorization` header there. So the https examples
    /// are validated as written (``GPUPortExampleValidationTests``) and run as such a copy against the loopback server.
    static func loopbackCopy(of yaml: String, replacing url: String, with replacement: String) throws -> String {
        guard yaml.components(separatedBy: url).count == 2 else { throw CopyError(url: url) }
        return yaml.replacingOccurrences(of: url, with: replacement)
    }

    /// The example does not hold the URL exactly once.
    struct CopyError: Error {
        var url: String
    }

    /// The file at `path` under `directory`, as text ("" when missing).
    static func text(_ path: String, in directory: TemporaryDirectory) -> String {
        FileManager.default.contents(atPath: directory.path(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The file at `path` under `directory`, parsed as JSON.
    static func json(_ path: String, in directory: TemporaryDirectory) throws -> JSONValue {
        try JSONParser.parse(text(path, in: directory))
    }

    /// CSV lines without their CRLF ends (fields of the examples hold no line breaks).
    static func lines(_ csv: String) -> [String] {
        Array(csv.components(separatedBy: "\r\n").dropLast())
    }
}
