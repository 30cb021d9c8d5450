@testable import Export
import Foundation
import Logging
import NetKit
import Synchronization
import Testing
import TestSupport

/// The `https` output against the loopback server: batches, retries, header substitution, timeouts, secrets.
@Suite(.timeLimit(.minutes(1)))
struct HTTPSDestinationTests {
    /// Records the sleeper's waits and every log message.
    final class Recorder: Sendable {
        let sleeps = Mutex<[Double]>([])
        let messages = Mutex<[String]>([])

        var sleeper: @Sendable (Double) -> Void { { delay in self.sleeps.withLock { $0.append(delay) } } }
        var logger: Logger {
            var logger = Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
            logger.logLevel = .trace
            return logger
        }
    }

    static func destination(_ config: HTTPSOutputConfig, _ recorder: Recorder) -> HTTPSDestination {
        HTTPSDestination(config: config, sleep: recorder.sleeper, logger: recorder.logger)
    }

    @Test func sendsBatchesOfBatchSizeWithTheDelayBetweenThem() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hook", Array(repeating: .status(200), count: 3))
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/hook"), batchSize: 2, batchDelay: 0.25)
            let payload = ExportTestPayloads.jsonLines(ExportTestPayloads.records(5))
            let summary = try await Self.destination(config, recorder).deliver(payload, context: ExportTestPayloads.context([:]))
            #expect(summary == "POST \(server.url("/hook")) (3 requests)")
            let requests = server.recordedRequests("/hook")
            #expect(requests.map(\.method) == ["POST", "POST", "POST"])
            #expect(requests.map { $0.text.split(separator: "\n").count } == [2, 2, 1])
            #expect(requests[2].text == #"{"instance_type":"p4d.24xlarge-4","price":4.5}"# + "\n")
            #expect(requests.map(\.body.count) == (try [[0, 1], [2, 3], [4]].map { try payload.render($0.map { payload.records[$0] }).count }))
            #expect(requests.allSatisfy { $0.headers["content-type"] == "application/json" })
            #expect(recorder.sleeps.withLock { $0 } == [0.25, 0.25])
        }
    }

    @Test(arguments: [HTTPSOutputConfig.Method.PUT, .PATCH])
    func aSummaryOrNoBatchSizeIsOneRequest(method: HTTPSOutputConfig.Method) async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/metrics", [.status(204), .status(204)])
            let recorder = Recorder()
            let payload = ExportTestPayloads.jsonLines(ExportTestPayloads.records(4), summary: true)
            let batched = HTTPSOutputConfig(url: server.url("/metrics"), method: method, batchSize: 1)
            let unbatched = HTTPSOutputConfig(url: server.url("/metrics"), method: method)
            let first = try await Self.destination(batched, recorder).deliver(payload, context: ExportTestPayloads.context([:]))
            let second = try await Self.destination(unbatched, recorder)
                .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(4)), context: ExportTestPayloads.context([:]))
            #expect(first.hasSuffix("(1 request)") && second.hasSuffix("(1 request)"))
            #expect(server.recordedRequests.map(\.method) == [method.rawValue, method.rawValue])
            #expect(server.recordedRequests.allSatisfy { $0.text.split(separator: "\n").count == 4 })
        }
    }

    @Test func retriesA503WithBackoffThenSucceeds() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hook", [.status(503), .status(503), .status(200)])
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/hook"), retryAttempts: 3, retryDelay: 1.5, retryBackoff: 2)
            let summary = try await Self.destination(config, recorder)
                .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(2)), context: ExportTestPayloads.context([:]))
            #expect(summary.hasSuffix("(1 request)"))
            #expect(server.recordedRequests.count == 3)
            #expect(Set(server.recordedRequests.map(\.body)).count == 1)
            #expect(recorder.sleeps.withLock { $0 } == [1.5, 3])
            #expect(recorder.messages.withLock { $0 }.contains { $0.contains("got HTTP 503; retrying in 1.5 s (retry 1 of 3)") })
        }
    }

    @Test func doesNotRetryA400AndShowsTheStatusAndBody() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hook", [.status(400, body: "{\"error\": \"unknown field\n  price\"}"), .status(200)])
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/hook"), batchSize: 1, retryAttempts: 3)
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await Self.destination(config, recorder)
                    .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(2)), context: ExportTestPayloads.context([:]))
            }
            #expect(server.recordedRequests.count == 1)
            #expect(error?.status == 400 && error?.attempts == 1)
            #expect(error?.message == "POST \(server.url("/hook")) answered HTTP 400 (batch 1 of 2, records 1–1, attempt 1 of 4), "
                + "not retried (status not in retry_on_status): {\"error\": \"unknown field price\"}")
            #expect(recorder.sleeps.withLock { $0 }.isEmpty)
        }
    }

    @Test func failsWhenRetriesAreUsedUp() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/hook", Array(repeating: .status(502), count: 3))
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/hook"), retryAttempts: 2, retryDelay: 0.5, retryBackoff: 3,
                                           retryOnStatus: [502])
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await Self.destination(config, recorder)
                    .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(1)), context: ExportTestPayloads.context([:]))
            }
            #expect(error?.status == 502 && error?.attempts == 3 && error?.message.contains("retries used up") == true)
            #expect(recorder.sleeps.withLock { $0 } == [0.5, 1.5])
        }
    }

    @Test func substitutesEnvironmentVariablesInHeadersAndNeverShowsThem() async throws {
        try await LoopbackHTTPServer.with { server in
            let token = "tok-9f8e7d6c5b4a"
            // The server echoes the token back in a 401, as some APIs do.
            server.script("/hook", [.status(503), .status(401, body: "invalid token \(token) for team gpu-team")])
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/hook"),
                                           headers: ["Authorization": "Bearer ${API_TOKEN}", "X-Team": "${TEAM}/exports",
                                                     "X-Price": "$5", "Content-Type": "application/x-ndjson"],
                                           retryAttempts: 1)
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await Self.destination(config, recorder).deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(1)),
                                                                        context: ExportTestPayloads.context(["API_TOKEN": token, "TEAM": "gpu-team"]))
            }
            let headers = try #require(server.recordedRequests.first?.headers)
            #expect(headers["authorization"] == "Bearer \(token)")
            #expect(headers["x-team"] == "gpu-team/exports" && headers["x-price"] == "$5")
            #expect(headers["content-type"] == "application/x-ndjson")
            let shown = [String(describing: error)] + recorder.messages.withLock { $0 }
            #expect(shown.count >= 2 && shown.allSatisfy { !$0.contains(token) && !$0.contains("gpu-team") })
            #expect(error?.message.contains("invalid token *** for team ***") == true, "\(String(describing: error))")
        }
    }

    @Test func aMissingVariableFailsBeforeSendingAndNamesIt() async throws {
        try await LoopbackHTTPServer.with { server in
            let config = HTTPSOutputConfig(url: server.url("/hook"), headers: ["Authorization": "Bearer ${MISSING_TOKEN}"])
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await Self.destination(config, Recorder())
                    .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(1)), context: ExportTestPayloads.context([:]))
            }
            #expect(error?.message == "POST \(server.url("/hook")): environment variable MISSING_TOKEN (used in header "
                + "'Authorization') is not set or empty; set it before the export runs")
            #expect(server.recordedRequests.isEmpty)
        }
    }

    @Test func aSlowServerTimesOutAndIsRetried() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/slow", [.delay(seconds: 5, then: .status(200)), .delay(seconds: 5, then: .status(200))])
            let recorder = Recorder()
            let config = HTTPSOutputConfig(url: server.url("/slow?key=query-secret"), retryAttempts: 1, retryDelay: 0, timeout: 0.3)
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await Self.destination(config, recorder)
                    .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(1)), context: ExportTestPayloads.context([:]))
            }
            #expect(server.recordedRequests.count == 2 && error?.attempts == 2)
            #expect(error?.message.contains("timed out") == true && error?.message.contains("query-secret") == false,
                    "\(String(describing: error))")
        }
    }

    @Test func aRefusedConnectionIsRetriedThenReported() async throws {
        let recorder = Recorder()
        let config = HTTPSOutputConfig(url: LoopbackHTTPServer.refusingURL + "/hook", retryAttempts: 2, retryDelay: 0.1)
        let error = await #expect(throws: HTTPSOutputError.self) {
            _ = try await Self.destination(config, recorder)
                .deliver(ExportTestPayloads.jsonLines(ExportTestPayloads.records(1)), context: ExportTestPayloads.context([:]))
        }
        #expect(error?.attempts == 3 && error?.status == nil && error?.message.contains("connection refused") == true)
        #expect(recorder.sleeps.withLock { $0 }.count == 2)
    }

    @Test func splitsRecordsIntoBatches() {
        let records = ExportTestPayloads.records(5)
        #expect(HTTPSDestination.batches(of: records, size: 2, summary: false).map(\.range) == [0..<2, 2..<4, 4..<5])
        #expect(HTTPSDestination.batches(of: records, size: nil, summary: false).map(\.range) == [0..<5])
        #expect(HTTPSDestination.batches(of: records, size: 2, summary: true).map(\.range) == [0..<5])
        #expect(HTTPSDestination.batches(of: [], size: 2, summary: false).map(\.range) == [0..<0])
    }
}

/// A log handler that appends every message to a ``HTTPSDestinationTests/Recorder``.
struct RecordingLogHandler: LogHandler {
    let recorder: HTTPSDestinationTests.Recorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.messages.withLock { $0.append("\(event.level): \(event.message)") }
    }
}

extension HTTPSDestinationTests {
    @Test func resolvesVariablesInTheURLAndShowsOnlyTheTemplate() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/services/T000/B000/hook-secret-42", [.status(500, body: "down")])
            let config = HTTPSOutputConfig(url: server.baseURL + "/services/${WEBHOOK_PATH}", retryAttempts: 0)
            let destination = Self.destination(config, Recorder())
            #expect(destination.label == "POST \(server.baseURL)/services/${WEBHOOK_PATH}")
            let error = await #expect(throws: HTTPSOutputError.self) {
                _ = try await destination.deliver(ExportTestPayloads.jsonLines([]),
                                                  context: ExportTestPayloads.context(["WEBHOOK_PATH": "T000/B000/hook-secret-42"]))
            }
            #expect(server.recordedRequests.first?.path == "/services/T000/B000/hook-secret-42")
            #expect(error?.status == 500 && error?.message.contains("hook-secret-42") == false)
            #expect(error?.message.hasPrefix("POST \(server.baseURL)/services/${WEBHOOK_PATH} answered HTTP 500") == true)
        }
    }
}
