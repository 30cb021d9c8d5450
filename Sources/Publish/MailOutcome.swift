/// What ``AlertMailer/send(_:date:)`` did. Sending never fails the run; this says how it went.
public enum MailOutcome: Sendable, Equatable {
    /// Mail is off (see ``MailConfiguration/off(reason:isIncomplete:)``); nothing was sent.
    case off(reason: String)
    /// Mail is on but there were no alerts.
    case nothingToSend
    /// Every alert went out; the full subject lines, in order.
    case sent(subjects: [String])
    /// At least one alert did not go out. `sent` lists the subjects that did; `failures` the others, each with
    /// the error text (which never contains the password).
    case failed(sent: [String], failures: [MailFailure])

    /// True when an alert could not be sent.
    public var didFail: Bool {
        if case .failed = self { return true }
        return false
    }

    /// One line for the run summary, e.g. `mail: sent 2 alerts` or `mail: 1 of 2 alerts not sent`.
    public var summary: String {
        switch self {
        case .off(let reason): "mail: off (\(reason))"
        case .nothingToSend: "mail: no alerts"
        case .sent(let subjects): "mail: sent \(subjects.count) alert\(subjects.count == 1 ? "" : "s")"
        case .failed(let sent, let failures):
            "mail: \(failures.count) of \(sent.count + failures.count) alert\(sent.count + failures.count == 1 ? "" : "s") not sent"
        }
    }
}

/// An alert that could not be sent.
public struct MailFailure: Sendable, Equatable {
    /// The full subject line.
    public var subject: String
    /// Why, e.g. `SMTP smtp://smtp.gmail.com:587 failed: the mail server refused the login; … (curl 67: Login denied)`.
    public var error: String

    /// Creates a failure record.
    public init(subject: String, error: String) {
        self.subject = subject
        self.error = error
    }
}
