import Foundation

/// `csv`: RFC 4180 — CRLF line ends; a field holding the delimiter, a quote, CR or LF is quoted,
/// its quotes doubled.
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
        text += fields.map { quoted($0, delimiter: options.delimiter) }.joined(separator: String(options.delimiter))
        text += "\r\n"
    }

    /// `field`, quoted when RFC 4180 requires it.
    static func quoted(_ field: String, delimiter: Character) -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
