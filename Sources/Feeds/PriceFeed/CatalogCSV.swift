import CSV
import Foundation
import SeekCore

/// The pure half of reading a gpuhunt catalog: CSV bytes in, a ``CatalogTable`` out. The one
/// reader of catalogs: the prices step and the export pipelines both start from its table.
public enum CatalogCSV {
    /// The columns seekgpu reads; a CSV without any of them is a format change.
    public static let requiredColumns = ["instance_name", "location", "price", "gpu_count", "gpu_name",
                                         "gpu_memory", "spot", "gpu_vendor"]

    /// Parses `{provider}.csv` (UTF-8, optional BOM, CRLF or LF, RFC 4180 quoting); rows with a wrong
    /// number of fields are counted, not kept, and blank lines are ignored.
    /// - Parameters:
    ///   - version: the catalog version the bytes are (`local` for an unpinned folder).
    ///   - source: the URL (without secrets) or path, for messages.
    /// - Throws: ``FormatChangeError`` (source `gpuhunt`) when a required column is missing or the
    ///   file is not UTF-8 text or cannot be read to its end.
    public static func parse(_ data: Data, provider: String, version: String, source: String) throws -> CatalogTable {
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: InputStream(data: data), codecType: UTF8.self, hasHeaderRow: true)
        } catch {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) is not a readable CSV file (\(error))")
        }
        let header = reader.headerRow ?? []
        let missing = requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw FormatChangeError(source: "gpuhunt", details:
                "\(source) lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) "
                + "(header: \(header.prefix(20).joined(separator: ","))). The catalog format changed; update CatalogCSV.")
        }
        var rows: [[String]] = []
        var malformed = 0
        while let fields = reader.next() {
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            guard fields.count == header.count else {
                malformed += 1
                continue
            }
            rows.append(fields)
        }
        if let error = reader.error {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) could not be read to the end (\(error))")
        }
        return CatalogTable(provider: provider, version: version, source: source, header: header, rows: rows,
                            malformedRows: malformed)
    }
}
