import Foundation
import NetKit
import Testing
import TestSupport

/// `HTTPClient.get(_:headers:retry:onRetry:)` against a loopback server, with a sleeper that records instead
/// of sleeping.
@Suite(.timeLimit(.minutes(1)))
struct HTTPClientRetryTests {
    /// What one retrying fetch did: its outcome, the delays slept and the reasons given to `onRetry`.
    struct Run: Sendable {
        var result: Result<HTTPResponse, NetError>
        var delays: [Double]
        var retries: [(attempt: Int, reason: String, delay: Double)]

        var response: HTTPResponse? { try? result.get() }
        var error: NetError? {
            if case .failure(let error) = result { return error }
            return nil
        }
    }

    static func fetch(_ url: String, delays: [Double] = [5, 10, 20],
                      configuration: HTTPClient.Configuration = HTTPClientTests.configuration) async -> Run {
        await onDedicatedThread { () -> Run in
            let slept = Recorder()
            let policy = RetryPolicy(delays: delays, sleep: { slept.append($0) })
            var retries: [(attempt: Int, reason: String, delay: Double)] = []
            let result = Result { () throws(NetError) -> HTTPResponse in
                try HTTPClient(configuration: configuration).get(url, retry: policy) { attempt, reason, delay in
                    retries.append((attempt, reason, delay))
                }
            }
            return Run(result: result, delays: slept.values, retries: retries)
        }
    }

    @Test func succeedsAfterTwo500sWithBackoffOf5And10Seconds() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(500), .status(500), .status(200, body: "ok")])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.response?.status == 200)
            #expect(run.response?.text == "ok")
            #expect(server.requestCount("/prices") == 3)
            #expect(run.delays == [5, 10])
            #expect(run.retries.map(\.attempt) == [1, 2])
            #expect(run.retries.map(\.reason) == ["HTTP 500", "HTTP 500"])
            #expect(run.retries.map(\.delay) == [5, 10])
        }
    }

    @Test func returnsTheLast503WhenRetriesRunOut() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", Array(repeating: .status(503, body: "busy"), count: 5))
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.response?.status == 503)
            #expect(run.response?.text == "busy")
            #expect(server.requestCount("/prices") == 4)
            #expect(run.delays == [5, 10, 20])
        }
    }

    @Test(arguments: [404, 400, 401, 403, 410])
    func neverRetriesOther4xx(status: Int) async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(status), .status(200)])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.response?.status == status)
            #expect(server.requestCount("/prices") == 1)
            #expect(run.delays.isEmpty)
        }
    }

    @Test func honoursRetryAfterOn429() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(429, headers: ["Retry-After": "7"]), .status(200)])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.response?.status == 200)
            #expect(run.delays == [7])
            #expect(run.retries.map(\.reason) == ["HTTP 429"])
        }
    }

    @Test func keepsTheLongerBackoffWhenRetryAfterIsShorter() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(503, headers: ["Retry-After": "2"]), .status(200)])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.delays == [5])
        }
    }

    @Test func capsRetryAfterAt60Seconds() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(503, headers: ["Retry-After": "3600"]), .status(200)])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.delays == [60])
        }
    }

    @Test func ignoresRetryAfterOn500() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(500, headers: ["Retry-After": "30"]), .status(200)])
            let run = await Self.fetch(server.url("/prices"))
            #expect(run.delays == [5])
        }
    }

    @Test func retriesATruncatedFileThenSucceeds() async throws {
        let folder = try TemporaryDirectory()
        try Data(repeating: 42, count: 10_000).write(to: folder.url.appendingPathComponent("catalog.zip"))
        try await LoopbackHTTPServer.with(serving: folder.url) { server in
            server.script("/catalog.zip", [.truncatedFile(keepingBytes: 100)])
            let run = await Self.fetch(server.url("/catalog.zip"))
            #expect(run.response?.body.count == 10_000)
            #expect(server.requestCount("/catalog.zip") == 2)
            #expect(run.retries.first?.reason.contains("curl 18") == true)
        }
    }

    @Test func throwsTheLastErrorWhenConnectionsAreRefusedThroughout() async throws {
        let run = await Self.fetch(LoopbackHTTPServer.refusingURL + "/prices", delays: [1, 2])
        #expect(run.error?.code == .connectionFailed)
        #expect(run.delays == [1, 2])
        #expect(run.retries.allSatisfy { $0.reason.hasPrefix("connection failed (curl 7: ") })
    }

    @Test func neverRetriesABodyThatIsTooLarge() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/big", [.bytes(Array(repeating: 0, count: 2000)), .status(200)])
            var configuration = HTTPClientTests.configuration
            configuration.maxBodyBytes = 1000
            let run = await Self.fetch(server.url("/big"), configuration: configuration)
            #expect(run.error?.code == .tooLarge)
            #expect(server.requestCount("/big") == 1)
            #expect(run.delays.isEmpty)
        }
    }

    @Test func retriesAfterATimeout() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/slow", [.delay(seconds: 3, then: .status(200)), .status(200, body: "fast")])
            var configuration = HTTPClientTests.configuration
            configuration.totalTimeout = 0.3
            let run = await Self.fetch(server.url("/slow"), configuration: configuration)
            #expect(run.response?.text == "fast")
            #expect(run.retries.first?.reason.hasPrefix("timed out (curl 28: ") == true)
        }
    }

    @Test func immediatePolicyRetriesWithoutWaiting() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(502), .status(504), .status(200)])
            let url = server.url("/prices")
            let response = try await onDedicatedThread { () throws(NetError) in
                try HTTPClient(configuration: HTTPClientTests.configuration).get(url, retry: .immediate())
            }
            #expect(response.status == 200)
            #expect(server.requestCount("/prices") == 3)
        }
    }

    @Test func policyNoneMakesOneAttempt() async throws {
        try await LoopbackHTTPServer.with { server in
            server.script("/prices", [.status(503), .status(200)])
            let url = server.url("/prices")
            let response = try await onDedicatedThread { () throws(NetError) in
                try HTTPClient(configuration: HTTPClientTests.configuration).get(url, retry: .none)
            }
            #expect(response.status == 503)
            #expect(server.requestCount("/prices") == 1)
        }
    }

    @Test func standardPolicyWaits5Then10Then20Seconds() {
        #expect(RetryPolicy.standard.delays == [5, 10, 20])
        #expect(RetryPolicy.standard.delay(beforeRetry: 3, after: nil) == nil)
        #expect(RetryPolicy.immediate(retries: 2).delays == [0, 0])
        #expect(RetryPolicy.none.delay(beforeRetry: 0, after: nil) == nil)
    }
}

/// Collects the delays a `RetryPolicy` would have slept.
final class Recorder: @unchecked Sendable {  // `storage` is only accessed under `lock`
    private let lock = NSLock()
    private var storage: [Double] = []

    func append(_ value: Double) { lock.withLock { storage.append(value) } }
    var values: [Double] { lock.withLock { storage } }
}
