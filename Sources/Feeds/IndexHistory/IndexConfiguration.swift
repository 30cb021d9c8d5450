import Foundation
import SeekCore
import Yams

/// How the OpenHands Index is read: the first published day, which benchmarks become
/// categories, and how model names are normalised over time.
///
/// Loaded from `config/openhands-index.yaml`, a file maintainers edit, so that a new
/// benchmark or a renamed model needs no code change.
public struct IndexConfiguration: Sendable, Equatable {
    /// A benchmark of `scores.json` that becomes a leaderboard category.
    public struct Category: Sendable, Equatable, Decodable {
        /// The `benchmark` value in scores.json, e.g. `swe-bench`.
        public var benchmark: String
        /// The category name in snapshots, e.g. `issue_resolution`.
        public var name: String
        /// The category as shown to people, e.g. `Issue Resolution`.
        public var display: String

        /// Creates a category.
        public init(benchmark: String, name: String, display: String) {
            self.benchmark = benchmark
            self.name = name
            self.display = display
        }
    }

    /// A rename that applies to snapshots dated on or after `effective`.
    public struct Rename: Sendable, Equatable, Decodable {
        /// The name as the index wrote it.
        public var from: String
        /// The name seekgpu publishes.
        public var to: String
        /// The first UTC day the rename applies to.
        public var effective: Day

        /// Creates a rename.
        public init(from: String, to: String, effective: Day) {
            self.from = from
            self.to = to
            self.effective = effective
        }
    }

    /// The first UTC day of the published history.
    public var historyStart: Day
    /// The mapped benchmarks.
    public var categories: [Category]
    /// metadata.json `model` values replaced on every date, before renames.
    public var metadataNameOverrides: [String: String]
    /// Dated renames, applied after the overrides and chained.
    public let renames: [Rename]
    /// `renames` by their `from` name (the later entry wins a duplicate).
    private let renameTable: [String: Rename]
    /// A fingerprint of the file the configuration was read from (FNV-1a 64, hex), recorded in
    /// `index.json` so that editing the file rebuilds the snapshots.
    public var digest = ""

    /// Creates a configuration.
    public init(historyStart: Day, categories: [Category], metadataNameOverrides: [String: String], renames: [Rename]) {
        self.historyStart = historyStart
        self.categories = categories
        self.metadataNameOverrides = metadataNameOverrides
        self.renames = renames
        self.renameTable = Dictionary(renames.map { ($0.from, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The name of the `overall` category, the mean over all others.
    public static let overallName = "overall"
    /// The display name of the `overall` category.
    public static let overallDisplay = "Overall"
    /// The benchmark group every row belongs to.
    public static let benchmarkGroup = "openhands"
    /// The benchmark group as shown to people.
    public static let benchmarkGroupDisplay = "OpenHands Index"

    /// The name a model is published under on `day`: the metadata override first, then every
    /// rename effective by that day, chained until none applies (a cycle stops the chain).
    public func publishedName(for model: String, on day: Day) -> String {
        var name = metadataNameOverrides[model] ?? model
        var seen: Set<String> = [name]
        while let rename = renameTable[name], rename.effective <= day, !seen.contains(rename.to) {
            name = rename.to
            seen.insert(name)
        }
        return name
    }
}

extension IndexConfiguration {
    /// The file name under the configuration directory.
    public static let fileName = "openhands-index.yaml"

    /// Reads and checks the YAML file at `url`.
    /// - Throws: ``ConfigurationError`` naming the file and what is wrong with it.
    public static func load(from url: URL) throws -> IndexConfiguration {
        try parse(yaml: ConfigurationError.text(of: url), source: url.path)
    }

    /// Parses the YAML text of the configuration file; `source` names it in errors.
    public static func parse(yaml: String, source: String) throws -> IndexConfiguration {
        struct File: Decodable {
            var history_start: Day
            var categories: [Category]
            var metadata_name_overrides: [String: String]?
            var renames: [Rename]?
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: yaml)
        } catch {
            throw ConfigurationError(path: source, reason: "is not valid: \(error)")
        }
        var seen = Set<String>()
        for category in file.categories where !seen.insert(category.benchmark).inserted {
            throw ConfigurationError(path: source, reason: "lists benchmark '\(category.benchmark)' twice")
        }
        if file.categories.contains(where: { $0.name == overallName }) {
            throw ConfigurationError(path: source, reason: "must not name a category '\(overallName)': seekgpu computes it")
        }
        var configuration = IndexConfiguration(historyStart: file.history_start, categories: file.categories,
                                               metadataNameOverrides: file.metadata_name_overrides ?? [:],
                                               renames: file.renames ?? [])
        configuration.digest = fnv1a64(yaml)
        return configuration
    }
}

/// A configuration file that is missing or malformed.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong and what to do.
    public var reason: String

    public var description: String { "Configuration file '\(path)' \(reason)" }

    /// The text of the configuration file at `url`, or an error saying how to point seekgpu at it.
    static func text(of url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(path: url.path, reason: "cannot be read (\(error.localizedDescription)); "
                                     + "run seekgpu from the repository root or pass --config DIR")
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
