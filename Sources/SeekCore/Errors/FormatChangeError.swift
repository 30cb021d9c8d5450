/// A source's data no longer has the shape seekgpu understands: the code must be updated.
///
/// Retrying cannot help, so a daily run stops at once and alerts (decisions 11). The
/// command line exits with ``ExitStatus/dataFormat`` (65) so CI can tell it from other failures.
public struct FormatChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The source, e.g. `openhands-index` or `gpuhunt`.
    public var source: String
    /// What was found, naming the commit, URL or file and examples.
    public var details: String

    /// Creates an error.
    public init(source: String, details: String) {
        self.source = source
        self.details = details
    }

    public var description: String { "Breaking format change in \(source): \(details)" }
}
