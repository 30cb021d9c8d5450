import Foundation

/// The encodings a plain-text message needs: RFC 2047 encoded words for headers, quoted-printable (RFC 2045)
/// for bodies with overlong lines.
enum MIMEEncoding {
    /// The longest line SMTP allows, without its CRLF (RFC 5321 §4.5.3.1.6).
    static let maxLineOctets = 998

    /// The line length RFC 5322 recommends (§2.1.1), without the CRLF.
    static let recommendedLineLength = 78

    /// `text` as a header value: unchanged when it is printable ASCII, else as RFC 2047 `B` encoded words
    /// (`=?UTF-8?B?…?=`, at most 75 characters each) joined by a folding CRLF + space, sized so that every line,
    /// the first one with its `Name: ` included, stays within 78 characters. Characters are never split across
    /// words. Line breaks and other control characters become spaces first, so a value can never start a header.
    /// - Parameters:
    ///   - text: the value.
    ///   - headerName: the field's name, e.g. `Subject`, to size the first word; "" when the value does not start
    ///     the line.
    static func headerValue(_ text: String, headerName: String = "") -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? " " : $0
        }))
        guard flat.unicodeScalars.contains(where: { $0.value > 0x7E }) else { return flat }
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = wordBytes(afterColumn: headerName.isEmpty ? 1 : headerName.utf8.count + 2)
        for character in flat {
            let bytes = Array(character.utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > budget {
                words.append(encodedWord(chunk))
                chunk = []
                budget = wordBytes(afterColumn: 1)   // continuation lines start with one space
            }
            chunk += bytes   // a single character longer than the budget still makes one (longer) word
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    /// The most UTF-8 bytes one encoded word may carry when it starts at `column`: base64 turns 3 bytes into 4
    /// characters and `=?UTF-8?B?` + `?=` add 12, within 78 per line and 75 per word (so at most 45 bytes).
    private static func wordBytes(afterColumn column: Int) -> Int {
        let characters = min(recommendedLineLength - column, 75) - 12
        return max(3, characters / 4 * 3)
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// The body's lines with LF, CRLF or a lone CR as line ends. A final line end ends the last line (it does
    /// not start an empty one), so `"a\n"` and `"a"` are both the one line `a`.
    static func lines(of text: String) -> [Substring] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = Substring(normalised).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
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
