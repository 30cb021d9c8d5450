import Dataset

/// A published file that a step must read back (to keep a failing source's earlier rows, or to
/// extend a change-log) exists but is malformed: the step stops instead of replacing it, since
/// what the file holds cannot be fetched again.
public struct PublishedFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file, row and field.
    public var problem: DatasetError

    /// Wraps the decoding error.
    public init(_ problem: DatasetError) { self.problem = problem }

    public var description: String {
        "\(problem). Nothing was written: repair the file from git history, or delete it to start it anew."
    }
}
