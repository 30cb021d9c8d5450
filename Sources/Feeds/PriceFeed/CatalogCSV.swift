import CSV
import Foundation
import SeekCore

/// The pure half of reading a gpuhunt catalog: CSV bytes in, rows out.
public enum CatalogCSV {
    /// The columns seekgpu reads; a CSV without any of them is a format change.
    public static let requiredColumns = ["instance_name", "location", "price", "gpu_count", "gpu_name",
                                         "gpu_memory", "spot", "gpu_vendor"]

    /// The rows of one provider's CSV and how many were malformed.
    public struct Parsed: Sendable, Equatable {
        /// Rows that parsed, in file order.
        public var rows: [CatalogRow]
        /// Rows skipped: wrong number of fields, or a number or boolean that does not parse.
        public var malformedRows: Int
    }

    /// Parses `{provider}.csv` (UTF-8, optional BOM, CRLF or LF, RFC 4180 quoting).
    /// - Throws: ``FormatChangeError`` (source `gpuhunt`) when a required column is missing or
    ///   the file is not UTF-8 text.
    public static func parse(_ data: Data, provider: String, source: String) throws -> Parsed {
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
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
        func column(_ name: String) -> Int { index[name] ?? 0 }
        let instance = column("instance_name"), location = column("location"), price = column("price"),
            count = column("gpu_count"), name = column("gpu_name"), memory = column("gpu_memory"),
            spot = column("spot"), vendor = column("gpu_vendor")

        var rows: [CatalogRow] = []
        var malformed = 0
        while let fields = reader.next() {
            if fields.count == 1 && fields[0].isEmpty { continue }  // blank line
            guard fields.count == header.count,
                  let priceValue = Double(fields[price]), priceValue.isFinite,
                  let countValue = Int(fields[count]), countValue >= 0,
                  let spotValue = pythonBool(fields[spot])
            else {
                malformed += 1
                continue
            }
            let memoryValue: Double?
            if fields[memory].isEmpty {
                memoryValue = nil
            } else if let parsed = Double(fields[memory]), parsed.isFinite {
                memoryValue = parsed
            } else {
                malformed += 1
                continue
            }
            let gpuName = fields[name].isEmpty ? nil : fields[name]
            var gpuVendor = fields[vendor].isEmpty ? nil : fields[vendor].lowercased()
            if gpuVendor == nil && countValue > 0 {
                gpuVendor = gpuName?.lowercased().hasPrefix("tpu-") == true ? "google" : "nvidia"
            }
            rows.append(CatalogRow(provider: provider, instanceName: fields[instance], location: fields[location],
                                   price: priceValue, gpuCount: countValue, gpuName: gpuName, gpuMemory: memoryValue,
                                   spot: spotValue, gpuVendor: gpuVendor))
        }
        if let error = reader.error {
            throw FormatChangeError(source: "gpuhunt", details: "\(source) could not be read to the end (\(error))")
        }
        return Parsed(rows: rows, malformedRows: malformed)
    }

    /// `True`/`False` as Python's csv module writes booleans (also `true`/`false`, `1`/`0`).
    private static func pythonBool(_ text: String) -> Bool? {
        switch text {
        case "True", "true", "1": true
        case "False", "false", "0": false
        default: nil
        }
    }
}
