/// How a pipeline turns its records into bytes.
public enum TransformerConfig: Sendable, Hashable {
    /// A JSON array of objects, one per record.
    case json(JSONTransformerOptions)
    /// CSV (RFC 4180), one line per record.
    case csv(CSVTransformerOptions)
    /// A JSON summary of aggregates.
    case metrics(MetricsTransformerOptions)

    /// The kind as written in the configuration's `format` (or its alias `type`).
    public var format: String {
        switch self {
        case .json: "json"
        case .csv: "csv"
        case .metrics: "metrics"
        }
    }
}

/// What a JSON or CSV transformer writes for a null field.
public enum NullHandling: String, Sendable, Hashable, CaseIterable {
    /// JSON `null`.
    case null
    /// The key is left out of the object.
    case omit
    /// The empty string `""`.
    case empty
}

/// `json` transformer options.
public struct JSONTransformerOptions: Sendable, Hashable {
    /// One key of the objects written: a record field and the key it is written as.
    public struct Field: Sendable, Hashable {
        /// The export field, one of ``ExportRecord/fieldNames``.
        public var field: String
        /// The key in the output (the field name unless renamed).
        public var key: String

        /// Creates a field.
        public init(field: String, key: String? = nil) {
            self.field = field
            self.key = key ?? field
        }
    }

    /// Two-space indentation, one value per line (Python's `json.dumps(indent=2)` layout); else
    /// compact, no spaces. Default false.
    public var prettyPrint: Bool
    /// The fields written and their keys, in this order, as gpuport's `fields` mapping means it (source field →
    /// output key; fields not listed are left out); nil writes every field under its own name, in
    /// ``ExportRecord/fieldNames`` order.
    public var fields: [Field]?
    /// Adds `raw_data`: the catalog row's columns as read, gpuhunt's column order. Default false.
    public var includeRawData: Bool
    /// Default `null`.
    public var nullHandling: NullHandling

    /// Creates options.
    public init(prettyPrint: Bool = false, fields: [Field]? = nil, includeRawData: Bool = false,
                nullHandling: NullHandling = .null) {
        self.prettyPrint = prettyPrint
        self.fields = fields
        self.includeRawData = includeRawData
        self.nullHandling = nullHandling
    }

    /// The fields written, in order: ``fields``, or every field under its own name.
    public var writtenFields: [Field] { fields ?? ExportRecord.fieldNames.map { Field(field: $0) } }
}

/// `csv` transformer options.
public struct CSVTransformerOptions: Sendable, Hashable {
    /// One column of the file: a field and its header name.
    public struct Column: Sendable, Hashable {
        /// The export field.
        public var field: String
        /// The header cell (the field name unless renamed).
        public var header: String

        /// Creates a column.
        public init(field: String, header: String? = nil) {
            self.field = field
            self.header = header ?? field
        }
    }

    /// The columns, in the configured order; required, at least one.
    public var columns: [Column]
    /// Writes the header line first. Default true.
    public var includeHeaders: Bool
    /// One character, not the quote character, CR or LF. Default `,`.
    public var delimiter: Character
    /// Written for a null field. Default empty.
    public var nullValue: String
    /// Encloses a field that holds the delimiter, this character, CR or LF; doubled inside it. Default `"`.
    public var quoteCharacter: Character
    /// Written before each occurrence of itself in a field (Python's `csv` `escapechar`, with double quotes);
    /// nil for none, as RFC 4180 has it. Default nil.
    public var escapeCharacter: Character?
    /// Ends every line. Default CRLF (RFC 4180).
    public var lineTerminator: String

    /// Creates options.
    public init(columns: [Column], includeHeaders: Bool = true, delimiter: Character = ",", nullValue: String = "",
                quoteCharacter: Character = "\"", escapeCharacter: Character? = nil, lineTerminator: String = "\r\n") {
        self.columns = columns
        self.includeHeaders = includeHeaders
        self.delimiter = delimiter
        self.nullValue = nullValue
        self.quoteCharacter = quoteCharacter
        self.escapeCharacter = escapeCharacter
        self.lineTerminator = lineTerminator
    }
}

/// `metrics` transformer options.
public struct MetricsTransformerOptions: Sendable, Hashable {
    /// The aggregates, in output order; at least one.
    public var metrics: [MetricConfig]
    /// Adds `timestamp`: the run's time in Unix seconds (the only wall-clock value any export writes).
    /// Default true, as in gpuport.
    public var includeTimestamp: Bool
    /// Adds `collection_info`: catalog versions per provider, their collection time, record counts.
    /// Default true, as in gpuport.
    public var includeCollectionInfo: Bool

    /// Creates options.
    public init(metrics: [MetricConfig], includeTimestamp: Bool = true, includeCollectionInfo: Bool = true) {
        self.metrics = metrics
        self.includeTimestamp = includeTimestamp
        self.includeCollectionInfo = includeCollectionInfo
    }
}

/// One aggregate of a metrics transformer.
public struct MetricConfig: Sendable, Hashable {
    /// The aggregate functions.
    public enum Aggregate: String, Sendable, Hashable, CaseIterable {
        /// Records (or, with a field, records where it is not null).
        case count
        /// Mean of the non-null values of a numeric field.
        case avg
        case min
        case max
        case sum
        /// Distinct non-null values of a field: their number and the sorted values.
        case unique
    }

    /// The key in the output; defaults to `type` or `type_field` (`avg_price`).
    public var name: String
    /// The aggregate.
    public var aggregate: Aggregate
    /// The field aggregated; required except for `count`.
    public var field: String?
    /// Fields to group by; empty for one value over all records.
    public var groupBy: [String]

    /// Creates a metric.
    public init(name: String? = nil, aggregate: Aggregate, field: String? = nil, groupBy: [String] = []) {
        self.name = name ?? ([aggregate.rawValue] + (field.map { [$0] } ?? [])).joined(separator: "_")
        self.aggregate = aggregate
        self.field = field
        self.groupBy = groupBy
    }
}
