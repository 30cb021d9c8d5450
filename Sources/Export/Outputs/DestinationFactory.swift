import NetKit

/// Makes the destination of an output configuration. The s3 and https destinations are wired in
/// here when their implementations land; until then those outputs fail with a clear message.
public enum DestinationFactory {
    /// The destination for `config`.
    public static func make(_ config: OutputConfig) -> any ExportDestination {
        switch config {
        case .local(let local): LocalDestination(config: local)
        case .s3(let s3): UnavailableDestination(label: "s3://\(s3.bucket)/\(s3.prefix)", kind: "s3")
        case .https(let https): UnavailableDestination(label: URLRedaction.redacted(https.url), kind: "https")
        }
    }
}

/// An output type this build cannot deliver to.
struct UnavailableDestination: ExportDestination {
    var label: String
    var kind: String

    func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String {
        throw UnavailableOutputError(kind: kind)
    }
}

/// An output type that is not available in this build.
public struct UnavailableOutputError: Error, Sendable, CustomStringConvertible {
    /// `s3` or `https`.
    public var kind: String
    public var description: String { "\(kind) output not available in this build" }
}
