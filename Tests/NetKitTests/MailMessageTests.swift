import Foundation
@testable import NetKit
import Testing

/// Message building, addresses and the TLS rule, without a server.
@Suite struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_795_500_000)   // 2026-11-24 06:00:00 UTC

    static func rendered(subject: String = "Hello", body: String) throws -> String {
        let message = MailMessage(from: try #require(MailAddress("bot@example.org")),
                                  to: [try #require(MailAddress("a@example.org"))],
                                  subject: subject, body: body, date: date, messageID: "id-1@example.org")
        return String(decoding: message.rendered(), as: UTF8.self)
    }

    @Test func rendersHeadersThenBodyWithCRLFLineEnds() throws {
        let text = try Self.rendered(body: "line one\nline two\r\nline three")
        #expect(text == """
            From: bot@example.org\r
            To: a@example.org\r
            Subject: Hello\r
            Date: Tue, 24 Nov 2026 06:00:00 +0000\r
            Message-ID: <id-1@example.org>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 7bit\r
            \r
            line one\r
            line two\r
            line three\r

            """)
    }

    @Test func aLineBreakInTheSubjectCannotAddAHeader() throws {
        let text = try Self.rendered(subject: "Hi\r\nBcc: evil@example.com", body: "x")
        #expect(text.contains("Subject: Hi  Bcc: evil@example.com\r\n"))
        #expect(!text.contains("\r\nBcc:"))
    }

    @Test func nonASCIIHeaderValuesBecomeEncodedWordsOfAtMost75Characters() throws {
        let subject = String(repeating: "Größe ✓ 日本 ", count: 12)
        let value = MIMEEncoding.headerValue(subject)
        let words = value.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> [UInt8] in
            let base64 = word.dropFirst(10).dropLast(2)
            return Array(Data(base64Encoded: String(base64)) ?? Data())
        }
        #expect(decoded.allSatisfy { String(validating: $0, as: UTF8.self) != nil })   // no character split
        #expect(String(decoding: decoded.joined(), as: UTF8.self) == subject)
        #expect(MIMEEncoding.headerValue("Plain ASCII [x]") == "Plain ASCII [x]")
    }

    @Test(arguments: [
        ("plain ascii\n", "7bit"),
        ("Preis 2,50 €\n", "8bit"),
        (String(repeating: "a", count: 998) + "\n", "7bit"),
        (String(repeating: "a", count: 999) + "\n", "quoted-printable"),
    ])
    func picksTheTransferEncoding(body: String, expected: String) {
        #expect(MIMEEncoding.transferEncoding(for: MIMEEncoding.lines(of: body)) == expected)
    }

    @Test func quotedPrintableEscapesAndSoftBreaks() {
        #expect(MIMEEncoding.quotedPrintable("a=b é ") == ["a=3Db =C3=A9=20"])
        let lines = MIMEEncoding.quotedPrintable(Substring(String(repeating: "x", count: 200)))
        #expect(lines.count == 3)
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && $0.count <= 76 })
        #expect(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined() == String(repeating: "x", count: 200))
    }

    @Test func namesAreQuotedOrEncodedInAddressHeaders() throws {
        let message = MailMessage(from: try #require(MailAddress("bot@example.org", name: "Seek, GPU \"bot\"")),
                                  to: [try #require(MailAddress("a@example.org", name: "Zoë")),
                                       try #require(MailAddress("b@example.org", name: "Ops Team"))],
                                  subject: "s", body: "b", date: Self.date, messageID: "x@y")
        let text = String(decoding: message.rendered(), as: UTF8.self)
        #expect(text.hasPrefix("From: \"Seek, GPU \\\"bot\\\"\" <bot@example.org>\r\n"))
        #expect(text.contains("To: =?UTF-8?B?Wm/Dqw==?= <a@example.org>,\r\n Ops Team <b@example.org>\r\n"))
    }

    @Test func theDefaultMessageIDIsAtTheSendersDomain() throws {
        let message = MailMessage(from: try #require(MailAddress("bot@example.org")), to: [], subject: "s", body: "b")
        #expect(message.messageID.hasSuffix("@example.org"))
        #expect(message.messageID.count > 20)
    }

    @Test func parsesAddressesAndRejectsHeaderInjection() {
        #expect(MailAddress.parse("Ops <ops@example.org>") == MailAddress("ops@example.org", name: "Ops"))
        #expect(MailAddress.parse("\"Ops Team\" <ops@example.org>")?.name == "Ops Team")
        #expect(MailAddress.parse(" a@example.org ")?.address == "a@example.org")
        #expect(MailAddress.parseList("a@x.org, Bob <b@y.org>,")?.map(\.address) == ["a@x.org", "b@y.org"])
        for bad in ["", "no-at-sign", "a@", "@b.org", "a b@c.org", "a@b.org>\r\nBcc: c@d.org", "a@b@c.org", "<a@b.org>,"] {
            #expect(MailAddress.parse(bad) == nil, "\(bad)")
        }
        #expect(MailAddress.parseList("a@x.org, nope") == nil)
        #expect(MailAddress("a@b.org", name: "Evil\r\nBcc: x") == nil)
    }

    @Test(arguments: [
        ("smtp://smtp.gmail.com:587", true, SMTPClient.TLS.required),
        ("smtp://smtp.gmail.com:587", false, .opportunistic),
        ("smtps://smtp.gmail.com:465", true, .implicit),
        ("SMTPS://mail.example.org", false, .implicit),
        ("smtp://127.0.0.1:2525", true, .opportunistic),
        ("smtp://localhost:25", true, .opportunistic),
        ("smtp://[::1]:25", true, .opportunistic),
        ("smtp://127.0.0.2:25", true, .required),
        ("smtp://localhost.example.org:25", true, .required),
    ])
    func choosesTheTLSRule(url: String, withLogin: Bool, expected: SMTPClient.TLS) {
        let configuration = SMTPClient.Configuration(url: url, username: withLogin ? "u@x.org" : nil,
                                                     password: withLogin ? "pw-123456" : nil)
        #expect(configuration.tls == expected)
    }

    @Test func theConfigurationNeverShowsThePassword() {
        let configuration = SMTPClient.Configuration(url: "smtp://smtp.gmail.com:587", username: "u@x.org",
                                                     password: "s3cr3t-app-pw")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped] {
            #expect(!text.contains("s3cr3t-app-pw"), "\(text)")
        }
        #expect(configuration.description == "smtp://smtp.gmail.com:587 as u@x.org (password ***)")
    }
}
