import Foundation
import NetKit
import Testing
import TestSupport

/// `SMTPClient.send` against a real SMTP server on loopback (aiosmtpd, see `SMTPSink`).
@Suite(.timeLimit(.minutes(1)))
struct SMTPClientTests {
    static let sender = MailAddress("bot@example.org", name: "seekgpu bot")
    static let alice = MailAddress("alice@example.org")
    static let bob = MailAddress("bob@example.net", name: "Bob")
    static let password = "hunter2-secret-pw"

    static func client(_ url: String, username: String? = nil, password: String? = nil) throws -> SMTPClient {
        try SMTPClient(configuration: .init(url: url, username: username, password: password, connectTimeout: 5,
                                            totalTimeout: 20))
    }

    static func message(subject: String = "Pipeline failed", body: String) throws -> MailMessage {
        MailMessage(from: try #require(sender), to: [try #require(alice), try #require(bob)], subject: subject,
                    body: body, date: Date(timeIntervalSince1970: 1_795_500_000), messageID: "run-1@example.org")
    }

    @Test func deliversToTwoRecipientsWithHeadersAndBody() throws {
        let sink = try SMTPSink.start()
        let body = "Error: index unreachable\n.hidden line starts with a dot\n..two dots\n.\nPreis: 2,50 € pro GPU-Stunde\n"
        try Self.client(sink.url).send(try Self.message(body: body))

        let mail = try #require(try sink.messages().first)
        #expect(mail.mailFrom == "bot@example.org")
        #expect(mail.rcptTos == ["alice@example.org", "bob@example.net"])
        #expect(mail.subject == "Pipeline failed")
        #expect(mail.from == "seekgpu bot <bot@example.org>")
        #expect(mail.to == "alice@example.org, Bob <bob@example.net>")
        #expect(mail.date == "Tue, 24 Nov 2026 06:00:00 +0000")
        #expect(mail.messageId == "<run-1@example.org>")
        #expect(mail.mimeVersion == "1.0")
        #expect(mail.contentType == "text/plain")
        #expect(mail.charset == "utf-8")
        #expect(mail.transferEncoding == "8bit")
        #expect(mail.body == body)   // the dot lines survived: libcurl stuffed them, the server unstuffed them
        #expect(mail.authLogin == nil)
    }

    @Test func encodesANonASCIISubjectAsRFC2047Words() throws {
        let sink = try SMTPSink.start()
        let subject = "Données mises à jour — GLM-6 ✓ passt auf 8× H100 (日本語のテスト) and a long tail to force folding"
        try Self.client(sink.url).send(try Self.message(subject: subject, body: "ok\n"))

        let mail = try #require(try sink.messages().first)
        #expect(mail.subject == subject)
        let headerBlock = try #require(mail.raw.components(separatedBy: "\r\n\r\n").first)
        #expect(headerBlock.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(headerBlock.contains("Subject: =?UTF-8?B?"))
        #expect(headerBlock.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(mail.transferEncoding == "7bit")
    }

    @Test func sendsALineLongerThan998OctetsAsQuotedPrintable() throws {
        let sink = try SMTPSink.start()
        let long = String(repeating: "| GLM-6 | 8× H100 = 2,50 € |", count: 60)
        let body = "short line\n\(long)\ntrailing space \nend\n"
        try Self.client(sink.url).send(try Self.message(body: body))

        let mail = try #require(try sink.messages().first)
        #expect(mail.transferEncoding == "quoted-printable")
        #expect(mail.body == body)
        #expect(mail.raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
    }

    @Test func reusesOneClientForSeveralMessages() throws {
        let sink = try SMTPSink.start()
        let client = try Self.client(sink.url)
        try client.send(try Self.message(subject: "first", body: "1\n"))
        try client.send(try Self.message(subject: "second", body: "2\n"))
        #expect(try sink.messages().map(\.subject) == ["first", "second"])
    }

    @Test func logsInWithUserAndPasswordOnLoopbackWithoutTLS() throws {
        let sink = try SMTPSink.start(login: ("bot", Self.password))
        try Self.client(sink.url, username: "bot", password: Self.password).send(try Self.message(body: "hi\n"))
        #expect(try sink.authAttempts() == [AuthAttempt(login: "bot", ok: true)])
        #expect(try sink.messages().first?.authLogin == "bot")
    }

    @Test func aRefusedLoginIsAnErrorWithoutThePassword() throws {
        let sink = try SMTPSink.start(login: ("bot", "the-right-one"))
        let error = try #require(throws: NetError.self) {
            try Self.client(sink.url, username: "bot", password: Self.password).send(try Self.message(body: "hi\n"))
        }
        #expect(error.curlCode == 67)
        #expect(error.method == "SMTP")
        #expect(error.description.contains("refused the login"))
        #expect(!error.description.contains(Self.password))
        #expect(!String(reflecting: error).contains(Self.password))
        #expect(try sink.messages().isEmpty)
    }

    /// 127.0.0.2 is loopback too, but not one of the names the client trusts, so it stands in for a remote
    /// server without STARTTLS: the client must give up before AUTH.
    @Test func neverSendsAPasswordInClearToAHostOtherThanLocalhost() throws {
        let sink = try SMTPSink.start(host: "127.0.0.2", login: ("bot", Self.password))
        let configuration = SMTPClient.Configuration(url: sink.url, username: "bot", password: Self.password)
        #expect(configuration.tls == .required)
        let error = try #require(throws: NetError.self) {
            try Self.client(sink.url, username: "bot", password: Self.password).send(try Self.message(body: "hi\n"))
        }
        #expect(error.code == .tls)
        #expect(error.curlCode == 64)
        #expect(error.description.contains("STARTTLS"))
        #expect(!error.description.contains(Self.password))
        #expect(try sink.authAttempts().isEmpty)
        #expect(try sink.messages().isEmpty)
    }

    @Test func aServerThatIsDownIsAConnectionFailure() throws {
        let sink = try SMTPSink.start()
        sink.stop()
        let error = try #require(throws: NetError.self) {
            try Self.client(sink.url, username: "bot", password: Self.password).send(try Self.message(body: "hi\n"))
        }
        #expect(error.code == .connectionFailed)
        #expect(error.url == sink.url)
        #expect(!error.description.contains(Self.password))
    }

    @Test func aMessageWithoutRecipientsIsRefusedBeforeConnecting() throws {
        var message = try Self.message(body: "hi\n")
        message.to = []
        let error = try #require(throws: NetError.self) { try Self.client("smtp://127.0.0.1:9").send(message) }
        #expect(error.message.contains("no recipients"))
        #expect(error.curlCode == 0)
    }
}
