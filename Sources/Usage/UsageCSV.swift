import CSV
import Foundation

/// The one CSV reader of the usage logs (pipeline layout, nvidia-smi, allocation tables): a header row, then
/// each record with its line and its values by column. Blank lines are skipped; a record whose field count
/// differs from the header's is refused with its line.
enum UsageCSV {
    struct Records {
        var header: [String]
        var rows: [(line: Int, values: [String: String])] = []
        var refused: [RejectedRow] = []
    }

    /// - Parameter column: how a header cell becomes a column name (e.g. lower-cased, units dropped).
    /// - Throws: ``UnreadableLogError`` when the bytes are not CSV or not readable to the end.
    static func read(_ bytes: [UInt8], file: String, column: (String) -> String) throws(UnreadableLogError) -> Records {
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: InputStream(data: Data(bytes)), codecType: UTF8.self, hasHeaderRow: true, trimFields: true)
        } catch {
            throw UnreadableLogError(file: file, reason: "not a readable CSV file (\(error))")
        }
        var records = Records(header: (reader.headerRow ?? []).map(column))
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == records.header.count else {
                records.refused.append(RejectedRow(line: line, reason: "\(fields.count) fields, the header has \(records.header.count)"))
                continue
            }
            var values: [String: String] = [:]
            for (name, value) in zip(records.header, fields) { values[name] = value }
            records.rows.append((line, values))
        }
        if let error = reader.error {
            throw UnreadableLogError(file: file, reason: "could not be read to the end (\(error))")
        }
        return records
    }
}
