import Foundation
import NetKit
import Publish
import SeekCore
import Testing
import TestSupport

/// `AlertMailer` end to end against a real SMTP server on loopback (aiosmtpd, see `SMTPSink`).
@Suite(.timeLimit(.minutes(1)))
struct AlertMailerTests {
    static let password = "app-pw-9f8e7d6c"

    static func environment(_ sink: SMTPSink, login: Bool = false) -> [String: String] {
        var environment = ["SEEKGPU_SMTP_URL": sink.url, "NOTIFY_TO": "alice@example.org, Bob <bob@example.net>",
                           "SEEKGPU_MAIL_FROM": "seekgpu <bot@example.org>"]
        if login {
            environment["SMTP_USER"] = "bot@example.org"
            environment["SMTP_PASSWORD"] = password
        }
        return environment
    }

    static let alerts = [
        Alert(subject: "Missing HuggingFace mapping for GLM-6", body: "Add GLM-6 to config/hf-models.yaml.\n"),
        DailyAlerts.pipelineFailed(error: "gpuhunt catalog: HTTP 503", attempt: 3, of: 3),
    ]

    @Test func mailsEachAlertWithThePrefixToBothRecipients() throws {
        let sink = try SMTPSink.start()
        let log = LogRecorder()
        let outcome = AlertMailer(environment: Self.environment(sink), logger: log.logger).send(Self.alerts)

        #expect(outcome == .sent(subjects: ["[coding-model-seeks-gpu] Missing HuggingFace mapping for GLM-6",
                                            "[coding-model-seeks-gpu] Pipeline failed"]))
        let mails = try sink.messages()
        #expect(mails.map(\.subject) == ["[coding-model-seeks-gpu] Missing HuggingFace mapping for GLM-6",
                                         "[coding-model-seeks-gpu] Pipeline failed"])
        #expect(mails.allSatisfy { $0.rcptTos == ["alice@example.org", "bob@example.net"] })
        #expect(mails.allSatisfy { $0.mailFrom == "bot@example.org" && $0.from == "seekgpu <bot@example.org>" })
        #expect(mails.first?.body == "Add GLM-6 to config/hf-models.yaml.\n")
        #expect(mails.last?.body == Self.alerts[1].body)
        #expect(log.lines.filter { $0.level == .info }.count == 2)
    }

    @Test func logsInAndEncodesAUTF8Subject() throws {
        let sink = try SMTPSink.start(login: ("bot@example.org", Self.password))
        var environment = Self.environment(sink, login: true)
        environment["SEEKGPU_ALERT_PREFIX"] = "[GPU-Suche]"
        let alert = Alert(subject: "Données: GLM-6 passt auf 8× H100 ✓", body: "Kosten: 2,50 € pro Stunde\n")
        let log = LogRecorder()
        let outcome = AlertMailer(environment: environment, logger: log.logger).send([alert])

        #expect(outcome == .sent(subjects: ["[GPU-Suche] Données: GLM-6 passt auf 8× H100 ✓"]))
        let mail = try #require(try sink.messages().first)
        #expect(mail.subject == "[GPU-Suche] Données: GLM-6 passt auf 8× H100 ✓")
        #expect(mail.raw.contains("Subject: =?UTF-8?B?"))
        #expect(mail.body == "Kosten: 2,50 € pro Stunde\n")
        #expect(mail.authLogin == "bot@example.org")
        #expect(!log.allText.contains(Self.password))
    }

    @Test func aServerThatIsDownIsReportedNotThrownAndThePasswordStaysOut() throws {
        let sink = try SMTPSink.start()
        sink.stop()
        let log = LogRecorder()
        let outcome = AlertMailer(environment: Self.environment(sink, login: true), logger: log.logger).send(Self.alerts)

        guard case .failed(let sent, let failures) = outcome else {
            Issue.record("expected a failed outcome, got \(outcome)")
            return
        }
        #expect(sent.isEmpty)
        #expect(failures.map(\.subject) == ["[coding-model-seeks-gpu] Missing HuggingFace mapping for GLM-6",
                                            "[coding-model-seeks-gpu] Pipeline failed"])
        #expect(failures[0].error.contains("connection refused"))
        #expect(failures[1].error.hasPrefix("not tried after: "))
        #expect(outcome.didFail)
        #expect(outcome.summary == "mail: 2 of 2 alerts not sent")
        let warnings = log.lines.filter { $0.level == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.text.contains(sink.url) == true)
        #expect(!log.allText.contains(Self.password))
        #expect(!failures.map(\.error).joined().contains(Self.password))
    }

    @Test func mailIsOffWhenNothingIsSetAndSaysSoOnce() {
        let log = LogRecorder()
        let mailer = AlertMailer(environment: ["HOME": "/root"], logger: log.logger)
        let reason = "SMTP_USER, SMTP_PASSWORD and NOTIFY_TO are not set"
        #expect(mailer.send(Self.alerts) == .off(reason: reason))
        #expect(mailer.send(Self.alerts) == .off(reason: reason))
        #expect(log.lines.count == 1)
        #expect(log.lines.first?.level == .info)
        #expect(log.lines.first?.text == "alert mail is off: \(reason)")
        #expect(!mailer.send([]).didFail)
    }

    @Test func anIncompleteSetupIsAWarningWithoutTheSecret() {
        let log = LogRecorder()
        let outcome = AlertMailer(environment: ["SMTP_USER": "bot@example.org", "SMTP_PASSWORD": Self.password],
                                  logger: log.logger).send(Self.alerts)
        #expect(outcome == .off(reason: "NOTIFY_TO is not set"))
        #expect(log.lines.map(\.level) == [.warning])
        #expect(!log.allText.contains(Self.password))
    }

    @Test func noAlertsSendNothing() throws {
        let sink = try SMTPSink.start()
        let outcome = AlertMailer(environment: Self.environment(sink), logger: LogRecorder().logger).send([])
        #expect(outcome == .nothingToSend)
        #expect(try sink.messages().isEmpty)
    }
}
