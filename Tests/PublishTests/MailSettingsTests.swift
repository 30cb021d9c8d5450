import NetKit
import Publish
import Testing

/// `MailConfiguration.fromEnvironment`: which variables turn mail on, and the defaults.
@Suite struct MailSettingsTests {
    static let gmail = ["SMTP_USER": "bot@gmail.com", "SMTP_PASSWORD": "abcd efgh ijkl mnop",
                        "NOTIFY_TO": "a@example.org,b@example.org"]

    static func settings(_ environment: [String: String]) throws -> MailSettings {
        guard case .on(let settings) = MailConfiguration.fromEnvironment(environment) else {
            throw SettingsOff()
        }
        return settings
    }

    struct SettingsOff: Error {}

    static func reason(_ environment: [String: String]) -> String? {
        if case .off(let reason, _) = MailConfiguration.fromEnvironment(environment) { return reason }
        return nil
    }

    @Test func theReferenceVariablesMeanGmailWithSTARTTLS() throws {
        let settings = try Self.settings(Self.gmail)
        #expect(settings.smtp.url == "smtp://smtp.gmail.com:587")
        #expect(settings.smtp.tls == .required)
        #expect(settings.smtp.username == "bot@gmail.com")
        #expect(settings.smtp.password == "abcd efgh ijkl mnop")   // kept exactly, spaces and all
        #expect(settings.from == MailAddress("bot@gmail.com"))
        #expect(settings.recipients.map(\.address) == ["a@example.org", "b@example.org"])
        #expect(settings.subjectLine("Pipeline failed") == "[coding-model-seeks-gpu] Pipeline failed")
        #expect(!settings.description.contains("abcd efgh"))
    }

    @Test func overridesServerSenderAndPrefix() throws {
        var environment = Self.gmail
        environment["SEEKGPU_SMTP_URL"] = "smtps://mail.example.org:465"
        environment["SEEKGPU_MAIL_FROM"] = "seekgpu <alerts@example.org>"
        environment["SEEKGPU_ALERT_PREFIX"] = ""
        let settings = try Self.settings(environment)
        #expect(settings.smtp.tls == .implicit)
        #expect(settings.from == MailAddress("alerts@example.org", name: "seekgpu"))
        #expect(settings.subjectLine("Data updated") == "Data updated")
    }

    @Test func aRelayWithoutLoginNeedsOnlyTheURLAndRecipients() throws {
        let settings = try Self.settings(["SEEKGPU_SMTP_URL": "smtp://127.0.0.1:25", "NOTIFY_TO": "a@example.org",
                                          "SEEKGPU_MAIL_FROM": "bot@example.org"])
        #expect(!settings.smtp.hasCredentials)
        #expect(settings.smtp.tls == .opportunistic)
    }

    @Test(arguments: [
        ([:], "SMTP_USER, SMTP_PASSWORD and NOTIFY_TO are not set"),
        (["SMTP_USER": "", "SMTP_PASSWORD": "", "NOTIFY_TO": " "], "SMTP_USER, SMTP_PASSWORD and NOTIFY_TO are not set"),
        (["SMTP_USER": "bot@gmail.com", "NOTIFY_TO": "a@example.org"], "SMTP_PASSWORD is not set"),
        (["SMTP_PASSWORD": "pw-1234", "NOTIFY_TO": "a@example.org"], "SMTP_USER is not set"),
        (["SMTP_USER": "bot@gmail.com", "SMTP_PASSWORD": "pw-1234"], "NOTIFY_TO is not set"),
        (["NOTIFY_TO": "a@example.org"], "SMTP_USER, SMTP_PASSWORD are not set"),
        (["SEEKGPU_SMTP_URL": "smtp://127.0.0.1:25", "NOTIFY_TO": "a@example.org"],
         "no sender address: set SEEKGPU_MAIL_FROM to one (SMTP_USER is '')"),
        (["SMTP_USER": "bot", "SMTP_PASSWORD": "pw-1234", "NOTIFY_TO": "a@example.org"],
         "no sender address: set SEEKGPU_MAIL_FROM to one (SMTP_USER is 'bot')"),
        (["SMTP_USER": "bot@gmail.com", "SMTP_PASSWORD": "pw-1234", "NOTIFY_TO": "a@example.org, oops"],
         "NOTIFY_TO is not a comma-separated list of e-mail addresses: 'a@example.org, oops'"),
        (["SMTP_USER": "bot@gmail.com", "SMTP_PASSWORD": "pw-1234", "NOTIFY_TO": "a@example.org",
          "SEEKGPU_SMTP_URL": "https://u:pw-1234@smtp.example.org"],
         "SEEKGPU_SMTP_URL must start with smtp:// or smtps:// (it is 'https://smtp.example.org')"),
    ])
    func mailIsOffWith(environment: [String: String], reason: String) {
        #expect(Self.reason(environment) == reason)
    }
}
