import Foundation

/// What a pipeline's transformer produced: the filtered records and how to render any subset of them
/// (outputs that send batches render each batch; the others render all records once).
public struct ExportPayload: Sendable {
    /// The records after filtering, in catalog order.
    public var records: [ExportRecord]
    /// MIME type, e.g. `application/json`, `text/csv`.
    public var contentType: String
    /// File extension without the dot, e.g. `json`, `csv`.
    public var fileExtension: String
    /// Whether the output is one summary that cannot be split into batches (metrics).
    public var isSummary: Bool
    /// Renders records to bytes.
    public var render: @Sendable ([ExportRecord]) throws -> [UInt8]

    /// Creates a payload.
    public init(records: [ExportRecord], contentType: String, fileExtension: String, isSummary: Bool = false,
                render: @escaping @Sendable ([ExportRecord]) throws -> [UInt8]) {
        self.records = records
        self.contentType = contentType
        self.fileExtension = fileExtension
        self.isSummary = isSummary
        self.render = render
    }

    /// All records rendered.
    public func bytes() throws -> [UInt8] { try render(records) }
}

/// The run a delivery belongs to.
public struct ExportContext: Sendable {
    /// The pipeline's name.
    public var pipeline: String
    /// When the export runs: fills `{date}`, `{time}`, … in file names (the run's time, since a
    /// file name says when it was written; the data inside carries only the catalog's time).
    public var runTime: Date
    /// Environment variables for credentials, header substitution and the S3 endpoint and region.
    public var environment: [String: String]
    /// The directory relative `local` paths are resolved against; nil for the process's current directory.
    public var baseDirectory: URL?

    /// Creates a context.
    public init(pipeline: String, runTime: Date, environment: [String: String], baseDirectory: URL? = nil) {
        self.pipeline = pipeline
        self.runTime = runTime
        self.environment = environment
        self.baseDirectory = baseDirectory
    }
}

/// Where a payload goes: a local file, an S3 object, an HTTPS endpoint.
public protocol ExportDestination: Sendable {
    /// A short, secret-free description, e.g. `s3://bucket/prefix/` or `https://host/path`.
    var label: String { get }
    /// Delivers the payload; returns where it went (secret-free, e.g. the file path or object key).
    func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String
}
