import Foundation

/// What a transformer knows about the run besides the records.
public struct TransformContext: Sendable {
    /// When the export runs (only `metrics` with `include_timestamp` writes it).
    public var runTime: Date
    /// Records before filtering.
    public var inputCount: Int
    /// Provider → catalog version of the run.
    public var catalogVersions: [String: String]

    /// Creates a context.
    public init(runTime: Date, inputCount: Int, catalogVersions: [String: String]) {
        self.runTime = runTime
        self.inputCount = inputCount
        self.catalogVersions = catalogVersions
    }
}

/// Turns filtered records into a payload as a pipeline's transformer says.
public enum Transformer {
    /// The payload of `records` for `config`; rendering happens when an output asks for the bytes.
    public static func payload(_ config: TransformerConfig, records: [ExportRecord], context: TransformContext) -> ExportPayload {
        switch config {
        case .json(let options):
            ExportPayload(records: records, contentType: "application/json", fileExtension: "json") {
                JSONTransformer.render($0, options: options)
            }
        case .csv(let options):
            ExportPayload(records: records, contentType: "text/csv; charset=utf-8", fileExtension: "csv") {
                CSVTransformer.render($0, options: options)
            }
        case .metrics(let options):
            ExportPayload(records: records, contentType: "application/json", fileExtension: "json", isSummary: true) {
                MetricsTransformer.render($0, options: options, context: context)
            }
        }
    }
}
