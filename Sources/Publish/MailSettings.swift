import Foundation
import NetKit

/// Where the maintainers' alert mail goes, read from the environment.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `SMTP_USER` | login name at the mail server | — |
/// | `SMTP_PASSWORD` | its password (for Gmail an app password); never logged | — |
/// | `NOTIFY_TO` | recipients, comma-separated (`a@x.org, Ops <b@y.org>`) | — |
/// | `SEEKGPU_SMTP_URL` | `smtp://host:port` (STARTTLS, required with a login unless the host is loopback) or `smtps://host:port` | `smtp://smtp.gmail.com:587` |
/// | `SEEKGPU_MAIL_FROM` | the sender, `addr` or `Name <addr>` | `SMTP_USER` |
/// | `SEEKGPU_ALERT_PREFIX` | put before every subject; set it empty for none | `[coding-model-seeks-gpu]` |
///
/// Mail is on when `NOTIFY_TO` is set and either `SMTP_USER` and `SMTP_PASSWORD` are both set (as in the reference
/// pipeline) or `SEEKGPU_SMTP_URL` names a server that takes mail without a login (a local relay, the tests).
/// With nothing set, mail is off; that is normal for development and CI, not an error.
public struct MailSettings: Sendable, CustomStringConvertible {
    /// The server used when `SEEKGPU_SMTP_URL` is not set: Gmail's submission port with STARTTLS.
    public static let defaultURL = "smtp://smtp.gmail.com:587"
    /// The subject prefix used when `SEEKGPU_ALERT_PREFIX` is not set (the reference pipeline's).
    public static let defaultPrefix = "[coding-model-seeks-gpu]"

    /// Server URL, login and timeouts for ``NetKit/SMTPClient``.
    public var smtp: SMTPClient.Configuration
    /// The sender.
    public var from: MailAddress
    /// The recipients; at least one.
    public var recipients: [MailAddress]
    /// Put before each subject with one space; empty for none.
    public var subjectPrefix: String

    /// Creates settings directly (tests, or a caller with its own configuration source).
    /// - Parameters:
    ///   - smtp: server, login and timeouts.
    ///   - from: the sender.
    ///   - recipients: the recipients.
    ///   - subjectPrefix: the subject prefix; default ``defaultPrefix``.
    public init(smtp: SMTPClient.Configuration, from: MailAddress, recipients: [MailAddress],
                subjectPrefix: String = MailSettings.defaultPrefix) {
        self.smtp = smtp
        self.from = from
        self.recipients = recipients
        self.subjectPrefix = subjectPrefix
    }

    /// The full subject: `"<prefix> <subject>"`, or the subject alone when the prefix is empty.
    /// - Parameter subject: an alert's subject.
    /// - Returns: the subject line as sent.
    public func subjectLine(_ subject: String) -> String {
        subjectPrefix.isEmpty ? subject : "\(subjectPrefix) \(subject)"
    }

    /// `mail to a@x.org, b@y.org from bot@x.org via smtp://smtp.gmail.com:587 as bot@x.org (password ***)`.
    public var description: String {
        "mail to \(recipients.map(\.address).joined(separator: ", ")) from \(from.address) via \(smtp)"
    }
}

/// Whether alert mail is on, and with which settings.
public enum MailConfiguration: Sendable {
    /// Mail is on.
    case on(MailSettings)
    /// Mail is off; `reason` says which variables are missing or wrong (never their secret values).
    /// `isIncomplete` is true when some mail variables are set but not enough: probably a mistake, logged as a warning.
    case off(reason: String, isIncomplete: Bool)

    /// Reads the variables in ``MailSettings``' table.
    /// - Parameters:
    ///   - environment: the process environment (or a test's dictionary); empty values count as unset, except
    ///     `SEEKGPU_ALERT_PREFIX`.
    ///   - connectTimeout: seconds to connect to the mail server; default 15.
    ///   - totalTimeout: seconds per message; default 60.
    /// - Returns: `.on` with the settings, or `.off` with the reason.
    public static func fromEnvironment(_ environment: [String: String], connectTimeout: Double = 15,
                                       totalTimeout: Double = 60) -> MailConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let user = value("SMTP_USER"), password = environment["SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let notifyTo = value("NOTIFY_TO"), explicitURL = value("SEEKGPU_SMTP_URL")
        if user == nil, password == nil, notifyTo == nil, explicitURL == nil {
            return .off(reason: "SMTP_USER, SMTP_PASSWORD and NOTIFY_TO are not set", isIncomplete: false)
        }
        var missing: [String] = []
        if user != nil || password != nil || explicitURL == nil {
            if user == nil { missing.append("SMTP_USER") }
            if password == nil { missing.append("SMTP_PASSWORD") }
        }
        if notifyTo == nil { missing.append("NOTIFY_TO") }
        guard missing.isEmpty, let notifyTo else {
            return .off(reason: "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not set",
                        isIncomplete: true)
        }
        guard let recipients = MailAddress.parseList(notifyTo), !recipients.isEmpty else {
            return .off(reason: "NOTIFY_TO is not a comma-separated list of e-mail addresses: '\(notifyTo)'",
                        isIncomplete: true)
        }
        let sender = value("SEEKGPU_MAIL_FROM") ?? user ?? ""
        guard let from = MailAddress.parse(sender) else {
            let source = value("SEEKGPU_MAIL_FROM") == nil ? "SMTP_USER" : "SEEKGPU_MAIL_FROM"
            return .off(reason: "no sender address: set SEEKGPU_MAIL_FROM to one (\(source) is '\(sender)')",
                        isIncomplete: true)
        }
        let url = explicitURL ?? MailSettings.defaultURL
        let scheme = url.lowercased()
        guard scheme.hasPrefix("smtp://") || scheme.hasPrefix("smtps://") else {
            return .off(reason: "SEEKGPU_SMTP_URL must start with smtp:// or smtps:// (it is '\(URLRedaction.redacted(url))')",
                        isIncomplete: true)
        }
        let smtp = SMTPClient.Configuration(url: url, username: user, password: password,
                                            connectTimeout: connectTimeout, totalTimeout: totalTimeout)
        return .on(MailSettings(smtp: smtp, from: from, recipients: recipients,
                                subjectPrefix: environment["SEEKGPU_ALERT_PREFIX"] ?? MailSettings.defaultPrefix))
    }
}
