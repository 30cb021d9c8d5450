import Foundation
import Logging
import NetKit
import SeekCore

/// E-mails the maintainers one message per ``SeekCore/Alert``, and never fails the run doing so.
///
/// Each alert becomes one plain-text message whose subject is the alert's subject after the configured prefix
/// (`[coding-model-seeks-gpu] Pipeline failed`) and whose body is the alert's body, to every recipient.
/// A message that cannot be sent is logged as a warning and reported in the ``MailOutcome``; after a failure
/// to connect or log in the remaining alerts are not tried (they would fail the same way) but reported too.
///
/// ```swift
/// let mailer = AlertMailer(environment: ProcessInfo.processInfo.environment, logger: logger)
/// let outcome = mailer.send(queuedAlerts + [DailyAlerts.pipelineFailed(error: text, attempt: 3, of: 3)])
/// ```
public final class AlertMailer: Sendable {
    /// On with settings, or off with the reason.
    public let configuration: MailConfiguration
    private let logger: Logger
    private let announcedOff = OnceFlag()

    /// Creates a mailer.
    /// - Parameters:
    ///   - configuration: settings, or why mail is off.
    ///   - logger: where successes (info), failures (warning) and "mail is off" (info, once) are logged.
    public init(configuration: MailConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Creates a mailer configured from the environment (see ``MailSettings`` for the variables).
    /// - Parameters:
    ///   - environment: the variables; default the process environment.
    ///   - logger: where sending is logged.
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger) {
        self.init(configuration: .fromEnvironment(environment), logger: logger)
    }

    /// Sends one message per alert, in order. Blocks while it talks to the server (at most the configured
    /// timeouts per message).
    /// - Parameters:
    ///   - alerts: the alerts; their subjects without the prefix.
    ///   - date: the messages' `Date:`; default now.
    /// - Returns: what happened; never throws.
    public func send(_ alerts: [Alert], date: Date = Date()) -> MailOutcome {
        let settings: MailSettings
        switch configuration {
        case .on(let on):
            settings = on
        case .off(let reason, let isIncomplete):
            if announcedOff.set() {
                logger.log(level: isIncomplete ? .warning : .info, "alert mail is off: \(reason)")
            }
            return .off(reason: reason)
        }
        guard !alerts.isEmpty else { return .nothingToSend }
        let messages = alerts.map { Self.message(for: $0, settings: settings, date: date) }
        var sent: [String] = []
        var failures: [MailFailure] = []
        var stopped: NetError?
        do {
            let client = try SMTPClient(configuration: settings.smtp)
            for message in messages {
                if let stopped {
                    failures.append(MailFailure(subject: message.subject, error: "not tried after: \(stopped)"))
                    continue
                }
                do {
                    try client.send(message)
                    sent.append(message.subject)
                    logger.info("alert mailed: \(message.subject)")
                } catch {
                    failures.append(MailFailure(subject: message.subject, error: error.description))
                    logger.warning("could not mail the alert '\(message.subject)': \(error)")
                    if error.curlCode != 55 { stopped = error }   // 55: only this message was rejected
                }
            }
        } catch {
            failures = messages.map { MailFailure(subject: $0.subject, error: error.description) }
            logger.warning("could not mail \(messages.count) alert(s): \(error)")
        }
        return failures.isEmpty ? .sent(subjects: sent) : .failed(sent: sent, failures: failures)
    }

    /// The message for one alert: prefixed subject, the alert's body, the settings' sender and recipients.
    /// - Parameters:
    ///   - alert: the alert.
    ///   - settings: sender, recipients and prefix.
    ///   - date: the `Date:` header.
    /// - Returns: the message.
    public static func message(for alert: Alert, settings: MailSettings, date: Date) -> MailMessage {
        MailMessage(from: settings.from, to: settings.recipients, subject: settings.subjectLine(alert.subject),
                    body: alert.body, date: date)
    }
}

/// A flag that is set once; `set()` tells the one caller that set it.
private final class OnceFlag: @unchecked Sendable {  // `value` is only touched under `lock`
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; true only for the call that set it.
    func set() -> Bool {
        lock.withLock {
            defer { value = true }
            return !value
        }
    }
}
