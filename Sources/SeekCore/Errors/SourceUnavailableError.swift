/// Every source of a required input failed; retrying later may help. The command line exits with
/// ``ExitStatus/unavailable`` (69).
public struct SourceUnavailableError: Error, Sendable, CustomStringConvertible {
    /// The source, with its URL or path.
    public var source: String
    /// What failed.
    public var details: String

    /// Creates an error.
    public init(source: String, details: String) {
        self.source = source
        self.details = details
    }

    public var description: String {
        "\(source) is unavailable: \(details). This step wrote nothing; try again later."
    }
}
