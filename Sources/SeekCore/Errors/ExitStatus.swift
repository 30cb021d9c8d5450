/// The exit statuses of every `seekgpu` command, after sysexits.h (decisions 22). The one list:
/// commands, the daily job, CI and README all use these.
///
/// | status | meaning | what to do |
/// |---|---|---|
/// | 0 | success (also: nothing changed, nothing to publish) | — |
/// | 1 | failure (a network, git or file error; an export output that failed) | read the message |
/// | 64 | usage error: an unknown option or a bad value on the command line | see `--help` |
/// | 65 | a source's data, or a published file read back, is not in the format seekgpu understands | the code or the file must change; retrying cannot help |
/// | 69 | a required source is unavailable; nothing was written | try again later |
/// | 78 | a configuration file (`config/*.yaml`, `export.yaml`) is invalid | fix the file at the line named |
public enum ExitStatus: Int32, Sendable, CaseIterable, CustomStringConvertible {
    /// The command did what it was asked.
    case success = 0
    /// It failed for a reason not listed below; the message says which.
    case failure = 1
    /// The command line is wrong (`EX_USAGE`).
    case usage = 64
    /// Input data has a format seekgpu does not understand (`EX_DATAERR`).
    case dataFormat = 65
    /// A required source could not be reached (`EX_UNAVAILABLE`).
    case unavailable = 69
    /// A configuration file is invalid (`EX_CONFIG`).
    case configuration = 78

    /// A short phrase for logs and alerts, e.g. `a source changed its format (exit 65)`.
    public var description: String {
        switch self {
        case .success: "success (exit 0)"
        case .failure: "failure (exit 1)"
        case .usage: "usage error (exit 64)"
        case .dataFormat: "a source or published file is not in a known format (exit 65)"
        case .unavailable: "a required source is unavailable (exit 69)"
        case .configuration: "a configuration file is invalid (exit 78)"
        }
    }

    /// Whether running again later can help: not after a format change, a bad configuration or bad usage.
    public var isRetryable: Bool {
        switch self {
        case .failure, .unavailable: true
        case .success, .usage, .dataFormat, .configuration: false
        }
    }
}
