/// A failure to write a file, naming the path, the failed step and the system error text.
public struct FileWriteError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The path that could not be written.
    public let path: String
    /// The step that failed, e.g. `create directory`, `write`, `rename`.
    public let operation: String
    /// The `errno` value (0 when the failure did not come from a system call).
    public let code: Int32
    /// The system's text for `code` (`strerror`), or another explanation.
    public let reason: String

    /// Creates an error.
    public init(path: String, operation: String, code: Int32, reason: String) {
        self.path = path
        self.operation = operation
        self.code = code
        self.reason = reason
    }

    /// E.g. `cannot write /data/out.json (rename): Permission denied`.
    public var description: String {
        "cannot write \(path) (\(operation)): \(reason)"
    }
}
