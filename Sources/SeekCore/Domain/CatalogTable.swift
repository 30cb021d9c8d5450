/// One provider's gpuhunt catalog as read: the CSV's header and every row's fields, as text.
///
/// The one reading of a catalog CSV: the prices step types the columns it needs
/// (`CatalogRow`), the export pipelines keep every column (``RawCatalogRow``).
public struct CatalogTable: Sendable, Equatable {
    /// gpuhunt's provider name, e.g. `aws`.
    public var provider: String
    /// The catalog version read, e.g. `20260822-1` (`local` for an unpinned folder of CSV files).
    public var version: String
    /// The URL (without secrets) or path the CSV came from, for messages.
    public var source: String
    /// The column names, in file order.
    public var header: [String]
    /// Every well-formed row's fields, in file order; each has `header.count` fields.
    public var rows: [[String]]
    /// Rows skipped because their number of fields differs from the header's.
    public var malformedRows: Int

    /// Creates a table.
    public init(provider: String, version: String, source: String, header: [String], rows: [[String]], malformedRows: Int) {
        self.provider = provider
        self.version = version
        self.source = source
        self.header = header
        self.rows = rows
        self.malformedRows = malformedRows
    }

    /// A boolean column (`spot`) as gpuhunt writes it through Python's csv module: `True`/`False`
    /// (also `true`/`false`, `1`/`0`); nil for anything else.
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "True", "true", "1": true
        case "False", "false", "0": false
        default: nil
        }
    }

    /// The position of the first column named `name`, or nil.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Every row with its fields by column name (the first of a repeated name wins).
    public var rawRows: [RawCatalogRow] {
        rows.map { fields in
            var columns: [String: String] = [:]
            for (name, value) in zip(header, fields) where columns[name] == nil { columns[name] = value }
            return RawCatalogRow(provider: provider, catalogVersion: version, columns: columns)
        }
    }
}

/// One row of a gpuhunt catalog exactly as the CSV has it: every column, as text, by name.
public struct RawCatalogRow: Sendable, Equatable {
    /// The provider whose catalog the row is from.
    public var provider: String
    /// The catalog version the row was read from, e.g. `20260822-1` (`local` for an unpinned
    /// directory of CSV files).
    public var catalogVersion: String
    /// Column name → field text, for every column of the file's header.
    public var columns: [String: String]

    /// Creates a row.
    public init(provider: String, catalogVersion: String, columns: [String: String]) {
        self.provider = provider
        self.catalogVersion = catalogVersion
        self.columns = columns
    }
}

/// Every configured provider's catalog of one run, read once and handed to the prices step and
/// the export pipelines alike.
public struct Catalogs: Sendable, Equatable {
    /// The providers that could be read, in configuration order.
    public var tables: [CatalogTable]
    /// The providers that could not be read, in configuration order.
    public var failures: [ProviderFailure]

    /// Creates the run's catalogs.
    public init(tables: [CatalogTable], failures: [ProviderFailure]) {
        self.tables = tables
        self.failures = failures
    }

    /// Provider → catalog version, for the providers read.
    public var versions: [String: String] {
        Dictionary(tables.map { ($0.provider, $0.version) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every row of every table, in provider then file order.
    public var rawRows: [RawCatalogRow] { tables.flatMap(\.rawRows) }

    /// Rows skipped across providers because of a wrong number of fields.
    public var malformedRows: Int { tables.reduce(0) { $0 + $1.malformedRows } }
}

/// Why a provider's catalog could not be read.
public struct ProviderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The provider.
    public var provider: String
    /// What failed, naming the URL or file.
    public var reason: String
    /// True when the data is there but no longer has the expected shape (the code must change).
    public var isFormatChange: Bool

    /// Creates a failure.
    public init(provider: String, reason: String, isFormatChange: Bool) {
        self.provider = provider
        self.reason = reason
        self.isFormatChange = isFormatChange
    }

    public var description: String { "\(provider): \(reason)" }
}
