import Publish
import Testing

@Suite struct AttemptsTests {
    struct Flaky: Error {}
    struct Broken: Error {}

    final class Log: @unchecked Sendable { var pauses: [Double] = []; var tries = 0 }

    @Test func retriesWithTheGivenPausesThenSucceeds() async {
        let log = Log()
        let attempts = Attempts(delays: [60, 300]) { log.pauses.append($0) }
        let outcome = await attempts.run(isPermanent: { $0 is Broken }) { attempt -> Int in
            log.tries += 1
            if attempt < 3 { throw Flaky() }
            return 42
        }
        guard case .succeeded(let value, let attempt) = outcome else { Issue.record("\(outcome)"); return }
        #expect(value == 42 && attempt == 3 && log.pauses == [60, 300] && log.tries == 3)
    }

    @Test func givesUpAfterTheLastAttempt() async {
        let log = Log()
        let outcome = await Attempts(delays: [1, 2]) { log.pauses.append($0) }.run(isPermanent: { _ in false }) { _ -> Int in
            log.tries += 1
            throw Flaky()
        }
        guard case .failed(let error, let attempt, let permanent) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error is Flaky && attempt == 3 && !permanent && log.tries == 3 && log.pauses == [1, 2])
    }

    @Test func aPermanentFailureStopsAtOnce() async {
        let log = Log()
        let outcome = await Attempts(delays: [1, 2]) { log.pauses.append($0) }.run(isPermanent: { $0 is Broken }) { _ -> Int in
            log.tries += 1
            throw Broken()
        }
        guard case .failed(_, let attempt, let permanent) = outcome else { Issue.record("\(outcome)"); return }
        #expect(attempt == 1 && permanent && log.tries == 1 && log.pauses.isEmpty)
    }
}
