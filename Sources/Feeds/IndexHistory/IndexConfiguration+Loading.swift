import ConfigKit
import Foundation
import SeekCore
import Yams

extension IndexConfiguration {
    /// The file name under the configuration directory.
    public static let fileName = "openhands-index.yaml"

    /// The top-level keys of the file.
    static let fileKeys = ["history_start", "categories", "metadata_name_overrides", "renames"]
    /// The keys of a `categories` item.
    static let categoryKeys = ["benchmark", "name", "display"]
    /// The keys of a `renames` item.
    static let renameKeys = ["from", "to", "effective"]

    /// Reads and checks the YAML file at `url`.
    ///
    /// - Parameter url: The file, normally `config/openhands-index.yaml`.
    /// - Returns: The configuration, its ``digest`` that of the file's text.
    /// - Throws: ``ConfigFileError`` naming the file as `url` names it (`url.relativePath`), with
    ///   every problem as `FILE:LINE:COLUMN: message`:
    ///   a missing file, invalid YAML, unknown or missing keys, values of the wrong type, a benchmark
    ///   listed twice, a category named `overall`.
    public static func load(from url: URL) throws -> IndexConfiguration {
        try parse(yaml: ConfigFile.text(of: url), source: url.relativePath)
    }

    /// Parses the YAML text of the configuration file; `source` names it in errors.
    ///
    /// - Parameters:
    ///   - yaml: The file's text; ``digest`` is its FNV-1a 64 fingerprint.
    ///   - source: The file's path, printed before each problem.
    /// - Returns: The configuration.
    /// - Throws: ``ConfigFileError`` as ``load(from:)`` does.
    public static func parse(yaml: String, source: String) throws -> IndexConfiguration {
        let reader = ConfigReader()
        guard let root = reader.document(yaml, empty: "the file is empty; it needs 'history_start' and 'categories'"),
              let top = reader.mapping(root, at: "the file", allowed: fileKeys, required: ["history_start", "categories"])
        else { throw reader.error(file: source) }
        let historyStart = reader.day(top["history_start"], "history_start")
        let categories = self.categories(top["categories"], reader: reader)
        let overrides = reader.pairs(reader.given(top["metadata_name_overrides"]), "metadata_name_overrides",
                                     of: "names") { reader.nonEmptyString($0, $1) }
        let renames = self.renames(reader.given(top["renames"]), reader: reader)
        try reader.check(file: source)
        guard let historyStart else { throw reader.error(file: source) }
        var configuration = IndexConfiguration(
            historyStart: historyStart, categories: categories,
            metadataNameOverrides: Dictionary((overrides ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            renames: renames)
        configuration.digest = fnv1a64(yaml)
        return configuration
    }

    /// The `categories` list; a benchmark listed twice and a category named `overall` are reported.
    private static func categories(_ node: Node?, reader: ConfigReader) -> [Category] {
        var categories: [Category] = []
        var benchmarks = SeenNames()
        for (index, item) in (reader.sequence(node, "categories") ?? []).enumerated() {
            let path = "categories[\(index)]"
            guard let fields = reader.mapping(item, at: path, allowed: categoryKeys, required: categoryKeys) else { continue }
            let benchmark = reader.nonEmptyString(fields["benchmark"], "\(path): benchmark")
            let name = reader.nonEmptyString(fields["name"], "\(path): name")
            let display = reader.nonEmptyString(fields["display"], "\(path): display")
            if let benchmark, let node = fields["benchmark"], let first = benchmarks.earlierPlace(of: benchmark, at: node) {
                reader.report("\(path): benchmark '\(benchmark)' is listed twice (first at \(first)); keep one", at: node)
            }
            if name == overallName {
                reader.report("\(path): must not name a category '\(overallName)': seekgpu computes it", at: fields["name"])
            }
            if let benchmark, let name, let display {
                categories.append(Category(benchmark: benchmark, name: name, display: display))
            }
        }
        return categories
    }

    /// The `renames` list, in file order.
    private static func renames(_ node: Node?, reader: ConfigReader) -> [Rename] {
        (reader.sequence(node, "renames") ?? []).enumerated().compactMap { index, item in
            let path = "renames[\(index)]"
            guard let fields = reader.mapping(item, at: path, allowed: renameKeys, required: renameKeys) else { return nil }
            let from = reader.nonEmptyString(fields["from"], "\(path): from")
            let to = reader.nonEmptyString(fields["to"], "\(path): to")
            let effective = reader.day(fields["effective"], "\(path): effective")
            guard let from, let to, let effective else { return nil }
            return Rename(from: from, to: to, effective: effective)
        }
    }
}

/// FNV-1a, 64 bits, of the UTF-8 bytes of `text`, as 16 hex digits: a cheap, stable fingerprint.
func fnv1a64(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
