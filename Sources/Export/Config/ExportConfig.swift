/// An export configuration (`export.yaml`): pipelines that each filter the records of a run,
/// transform them into one format and deliver the result to one or more outputs.
///
/// Read with ``load(yaml:file:)``; ``validate(yaml:)`` returns every problem with its line and column.
/// README, "Export pipelines", is the reference of every key.
public struct ExportConfig: Sendable, Hashable {
    /// The pipelines, in file order (they run in this order).
    public var pipelines: [PipelineConfig]

    /// Creates a configuration.
    public init(pipelines: [PipelineConfig]) { self.pipelines = pipelines }
}

/// One pipeline: records → filters (all must hold) → transformer → every output.
public struct PipelineConfig: Sendable, Hashable {
    /// Unique name, used in reports and messages.
    public var name: String
    /// What the pipeline is for (gpuport's `description`); not used otherwise.
    public var description: String?
    /// A disabled pipeline is validated but not run (default true).
    public var enabled: Bool
    /// Conditions a record must all meet; none keeps every record.
    public var filters: [FilterConfig]
    /// How the kept records become bytes.
    public var transformer: TransformerConfig
    /// Where the bytes go; at least one.
    public var outputs: [OutputConfig]

    /// Creates a pipeline.
    public init(name: String, description: String? = nil, enabled: Bool = true, filters: [FilterConfig] = [],
                transformer: TransformerConfig, outputs: [OutputConfig]) {
        self.name = name
        self.description = description
        self.enabled = enabled
        self.filters = filters
        self.transformer = transformer
        self.outputs = outputs
    }
}

/// An output of a pipeline.
public enum OutputConfig: Sendable, Hashable {
    /// A file on this machine.
    case local(LocalOutputConfig)
    /// An object in an S3 (or S3-compatible) bucket.
    case s3(S3OutputConfig)
    /// An HTTP(S) request (or several, with `batch_size`).
    case https(HTTPSOutputConfig)

    /// The `type` as written in the configuration.
    public var type: String {
        switch self {
        case .local: "local"
        case .s3: "s3"
        case .https: "https"
        }
    }

    /// The output's `name` (gpuport's, for logs and reports), if it has one.
    public var name: String? {
        switch self {
        case .local(let local): local.name
        case .s3(let s3): s3.name
        case .https(let https): https.name
        }
    }

    /// Names of the environment variables the output reads secrets from: S3 credentials and the
    /// `${ENV}` references of HTTPS headers. Their values are masked in every message.
    public var secretEnvironmentNames: [String] {
        switch self {
        case .local: []
        case .s3(let s3): [s3.accessKeyEnv, s3.secretKeyEnv] + (s3.sessionTokenEnv.map { [$0] } ?? [])
        case .https(let https): https.headers.values.flatMap(EnvironmentReference.names(in:)).sorted()
        }
    }
}

/// `${NAME}` references in header values.
public enum EnvironmentReference {
    /// The names referenced in `text`, in order; a `${` without a closing `}` is not a reference.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            names.append(String(rest[start.upperBound..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return names
    }

    /// Whether `name` is a valid environment variable name (`[A-Za-z_][A-Za-z0-9_]*`).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
