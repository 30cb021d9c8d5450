/// What one output of a pipeline did.
public struct OutputReport: Sendable {
    /// `local`, `s3` or `https`.
    public var type: String
    /// The output's `name` in the configuration, if it has one.
    public var name: String? = nil
    /// The destination's secret-free label.
    public var label: String
    /// Where the data went (file path, object key, URL), when it succeeded.
    public var location: String?
    /// Why it failed (secret-free), when it did.
    public var error: String?
    /// Time spent delivering.
    public var duration: Duration

    /// Whether the delivery succeeded.
    public var succeeded: Bool { error == nil }
}

/// What one pipeline did: counts, per-output results and the time of each phase.
public struct PipelineReport: Sendable {
    /// The pipeline's name.
    public var name: String
    /// False for a pipeline the configuration disables (it did nothing).
    public var enabled: Bool
    /// Records before filtering.
    public var inputCount: Int
    /// Records after filtering.
    public var filteredCount: Int
    /// One report per output, in configuration order.
    public var outputs: [OutputReport]
    /// Why the pipeline failed before its outputs (e.g. the transformer could not render), if it did.
    public var error: String?
    /// Time spent filtering.
    public var filterDuration: Duration = .zero
    /// Time spent transforming (rendering the payload once).
    public var transformDuration: Duration = .zero
    /// Time spent delivering to all outputs (they run concurrently).
    public var outputDuration: Duration = .zero

    /// Outputs that succeeded.
    public var outputsSucceeded: Int { outputs.filter(\.succeeded).count }

    /// True when enabled and every output succeeded (a disabled pipeline counts as successful).
    public var success: Bool { !enabled || (error == nil && outputs.allSatisfy(\.succeeded)) }
}

/// Every pipeline's report, in configuration order.
public struct ExportReport: Sendable {
    /// The pipelines.
    public var pipelines: [PipelineReport]

    /// True when every enabled output succeeded.
    public var success: Bool { pipelines.allSatisfy(\.success) }
}
