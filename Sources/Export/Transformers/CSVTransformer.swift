import Foundation

/// `csv`: RFC 4180 by default — CRLF line ends; a field holding the delimiter, the quote character, CR or LF is
/// quoted, its quotes doubled. `quote_char`, `escape_char` and `line_terminator` change those characters as
/// Python's `csv` writer (gpuport's) uses them: the escape character is written before each occurrence of itself.
enum CSVTransformer {
    static func render(_ records: [ExportRecord], options: CSVTransformerOptions) -> [UInt8] {
        var text = ""
        if options.includeHeaders { line(options.columns.map(\.header), options: options, into: &text) }
        for record in records {
            line(options.columns.map { record[field: $0.field]?.text ?? options.nullValue }, options: options, into: &text)
        }
        return Array(text.utf8)
    }

    private static func line(_ fields: [String], options: CSVTransformerOptions, into text: inout String) {
        text += fields.map { quoted($0, options: options) }.joined(separator: String(options.delimiter))
        text += options.lineTerminator
    }

    /// `field`, escaped and quoted as the options require.
    static func quoted(_ field: String, options: CSVTransformerOptions) -> String {
        var field = field
        if let escape = options.escapeCharacter, field.contains(escape) {
            field = field.replacingOccurrences(of: String(escape), with: String(escape) + String(escape))
        }
        let quote = options.quoteCharacter
        guard field.contains(where: { $0 == options.delimiter || $0 == quote || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
        else { return field }
        return String(quote) + field.replacingOccurrences(of: String(quote), with: String(quote) + String(quote)) + String(quote)
    }
}
