import Foundation

/// The encodings a plain-text message needs: RFC 2047 encoded words for headers, quoted-printable (RFC 2045)
/// for bodies with overlong lines.
enum MIMEEncoding {
    /// The longest line SMTP allows, without its CRLF (RFC 5321 §4.5.3.1.6).
    static let maxLineOctets = 998

    /// The most UTF-8 bytes in one encoded word: base64 of 45 bytes is 60 characters, plus the 12 of
    /// `=?UTF-8?B?` and `?=` gives 72, under RFC 2047's limit of 75.
    private static let wordBytes = 45

    /// `text` as a header value: unchanged when it is printable ASCII, else as RFC 2047 `B` encoded words
    /// (`=?UTF-8?B?…?=`) joined by a folding CRLF + space. Characters are never split across words. Line breaks
    /// and other control characters become spaces first, so a value can never start a new header.
    static func headerValue(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? " " : $0
        }))
        guard flat.unicodeScalars.contains(where: { $0.value > 0x7E }) else { return flat }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in flat {
            let bytes = Array(character.utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > wordBytes {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes   // a single character longer than wordBytes still makes one (longer) word
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// The body's lines with LF, CRLF or a lone CR as line ends.
    static func lines(of text: String) -> [Substring] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return Substring(normalised).split(separator: "\n", omittingEmptySubsequences: false)[...].map { $0 }
    }

    /// The `Content-Transfer-Encoding` a body needs: `7bit` for ASCII, `8bit` for UTF-8 whose lines all fit in
    /// 998 octets, `quoted-printable` otherwise.
    static func transferEncoding(for lines: [Substring]) -> String {
        if lines.contains(where: { $0.utf8.count > maxLineOctets }) { return "quoted-printable" }
        return lines.contains(where: { $0.utf8.contains { $0 > 0x7E } }) ? "8bit" : "7bit"
    }

    /// One body line as quoted-printable: `=`, control bytes and bytes above 126 become `=XX`; a space or tab at
    /// the end becomes `=20`/`=09`; lines are cut with soft breaks (`=` + CRLF) at 76 characters at most.
    static func quotedPrintable(_ line: Substring) -> [String] {
        var tokens: [String] = []
        let bytes = Array(line.utf8)
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            tokens.append(plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte))
        }
        var out: [String] = []
        var current = ""
        for token in tokens {
            if current.utf8.count + token.utf8.count > 75 {   // room for the soft-break "="
                out.append(current + "=")
                current = ""
            }
            current += token
        }
        out.append(current)
        return out
    }
}
