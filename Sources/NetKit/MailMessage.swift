import Foundation

/// One plain-text UTF-8 e-mail: the envelope (sender, recipients) and the headers and body that
/// ``rendered()`` turns into RFC 5322 bytes for ``SMTPClient/send(_:)``.
public struct MailMessage: Sendable, Hashable {
    /// The sender: `From:` and the envelope's `MAIL FROM`.
    public var from: MailAddress
    /// The recipients: `To:` and one `RCPT TO` each. At least one.
    public var to: [MailAddress]
    /// The subject, any Unicode; RFC 2047-encoded when not ASCII. Line breaks become spaces.
    public var subject: String
    /// The plain-text body. Line ends may be LF or CRLF; they are sent as CRLF.
    public var body: String
    /// The `Date:` header. Default: now.
    public var date: Date
    /// The `Message-ID:` without angle brackets. Default: a random UUID at the sender's domain.
    public var messageID: String

    /// Creates a message.
    /// - Parameters:
    ///   - from: the sender.
    ///   - to: the recipients (at least one, else ``SMTPClient/send(_:)`` fails).
    ///   - subject: the subject.
    ///   - body: the plain-text body.
    ///   - date: the `Date:` header; default now.
    ///   - messageID: the `Message-ID:` without `<>`; default `<UUID>@<sender's domain>`.
    public init(from: MailAddress, to: [MailAddress], subject: String, body: String, date: Date = Date(),
                messageID: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
    }

    /// The message as sent: headers, a blank line and the body, every line ended by CRLF.
    ///
    /// Headers: `From`, `To`, `Subject`, `Date` (RFC 5322, UTC), `Message-ID`, `MIME-Version: 1.0`,
    /// `Content-Type: text/plain; charset=utf-8` and `Content-Transfer-Encoding` (`7bit`, `8bit`, or
    /// `quoted-printable` when a line is longer than 998 octets). Lines starting with `.` are left as they are:
    /// libcurl dot-stuffs them on the wire.
    /// - Returns: the bytes to upload.
    public func rendered() -> [UInt8] {
        let lines = MIMEEncoding.lines(of: body)
        let encoding = MIMEEncoding.transferEncoding(for: lines)
        let bodyLines = encoding == "quoted-printable" ? lines.flatMap(MIMEEncoding.quotedPrintable) : lines.map(String.init)
        let headers = [
            "From: \(Self.header(from))",
            "To: \(to.map(Self.header).joined(separator: ",\r\n "))",
            "Subject: \(MIMEEncoding.headerValue(subject, headerName: "Subject"))",
            "Date: \(Self.rfc5322(date))",
            "Message-ID: <\(MIMEEncoding.headerValue(messageID))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(encoding)",
        ]
        return Array((headers + [""] + bodyLines).map { $0 + "\r\n" }.joined().utf8)
    }

    /// `Name <address>` with the name quoted or RFC 2047-encoded as needed, or the bare address.
    private static func header(_ address: MailAddress) -> String {
        guard let name = address.name else { return address.address }
        let isAtom = name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0)
        }
        let shown: String
        if !name.unicodeScalars.allSatisfy(\.isASCII) {
            shown = MIMEEncoding.headerValue(name)
        } else if isAtom {
            shown = name
        } else {
            shown = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return "\(shown) <\(address.address)>"
    }

    /// `Tue, 24 Nov 2026 06:00:00 +0000`.
    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
