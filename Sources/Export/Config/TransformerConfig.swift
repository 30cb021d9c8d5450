/// How a pipeline turns its records into bytes.
public enum TransformerConfig: Sendable, Hashable {
    /// A JSON array of objects, one per record.
    case json(JSONTransformerOptions)
    /// CSV (RFC 4180), one line per record.
    case csv(CSVTransformerOptions)
    /// A JSON summary of aggregates.
    case metrics(MetricsTransformerOptions)

    /// The `type` as written in the configuration.
    public var type: String {
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
    /// Two-space indentation, one value per line (Python's `json.dumps(indent=2)` layout); else
    /// compact, no spaces. Default false.
    public var prettyPrint: Bool
    /// Field → output key, for the fields to rename; every field is written, in canonical order.
    public var renames: [String: String]
    /// Adds `raw_data`: the catalog row's columns as read, gpuhunt's column order. Default false.
    public var includeRawData: Bool
    /// Default `null`.
    public var nullHandling: NullHandling

    /// Creates options.
    public init(prettyPrint: Bool = false, renames: [String: String] = [:], includeRawData: Bool = false,
                nullHandling: NullHandling = .null) {
        self.prettyPrint = prettyPrint
        self.renames = renames
        self.includeRawData = includeRawData
        self.nullHandling = nullHandling
    }
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
    /// One character, not `"`, CR or LF. Default `,`.
    public var delimiter: Character
    /// Written for a null field. Default empty.
    public var nullValue: String

    /// Creates options.
    public init(columns: [Column], includeHeaders: Bool = true, delimiter: Character = ",", nullValue: String = "") {
        self.columns = columns
        self.includeHeaders = includeHeaders
        self.delimiter = delimiter
        self.nullValue = nullValue
    }
}

/// `metrics` transformer options.
public struct MetricsTransformerOptions: Sendable, Hashable {
    /// The aggregates, in output order; at least one.
    public var metrics: [MetricConfig]
    /// Adds `timestamp`: the run's time in Unix seconds (the only wall-clock value any export writes,
    /// and only when asked for). Default false.
    public var includeTimestamp: Bool
    /// Adds `collection_info`: catalog versions per provider, their collection time, record counts. Default false.
    public var includeCollectionInfo: Bool

    /// Creates options.
    public init(metrics: [MetricConfig], includeTimestamp: Bool = false, includeCollectionInfo: Bool = false) {
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
