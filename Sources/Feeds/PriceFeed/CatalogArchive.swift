import Foundation
import SeekCore
import ZIPFoundation

/// The pure half of a catalog download: `catalog.zip` bytes in, `{provider}.csv` bytes out.
enum CatalogArchive {
    /// Why an archive could not be used.
    struct Failure: Error {
        var reason: String
        var isFormatChange: Bool
    }

    /// Extracts `{provider}.csv` in memory.
    static func csv(in zip: Data, provider: String, source: String) throws(Failure) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: zip, accessMode: .read)
        } catch {
            throw Failure(reason: "\(source) is not a zip archive (\(error)); the download may be damaged", isFormatChange: false)
        }
        guard let entry = archive["\(provider).csv"] else {
            let names = archive.map(\.path).prefix(5).joined(separator: ", ")
            throw Failure(reason: "\(source) has no \(provider).csv (it holds: \(names.isEmpty ? "nothing" : names))",
                          isFormatChange: true)
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw Failure(reason: "\(source): \(provider).csv cannot be extracted (\(error))", isFormatChange: false)
        }
        return data
    }
}
