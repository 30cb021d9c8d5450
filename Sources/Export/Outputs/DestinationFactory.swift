import NetKit

/// Makes the destination of an output configuration.
public enum DestinationFactory {
    /// The destination for `config`.
    public static func make(_ config: OutputConfig) -> any ExportDestination {
        switch config {
        case .local(let local): LocalDestination(config: local)
        case .s3(let s3): S3Destination(config: s3)
        case .https(let https): HTTPSDestination(config: https)
        }
    }
}

