/// A configuration file that cannot be used: every problem found in it, each with its line and column.
///
/// Thrown by every loader of a maintainer table (`config/*.yaml`) and by the export configuration.
/// Its description is one line per problem, in file order, as compilers print them:
///
/// ```
/// config/openhands-index.yaml:6:16: history_start must be a day written YYYY-MM-DD, not the text 'yesterday'
/// config/openhands-index.yaml:11:5: unknown key 'nme' in categories[1]; did you mean 'name'? (known keys: benchmark, name, display)
/// ```
public struct ConfigFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as it was named to the loader (a path, or a name such as `export.yaml`).
    public var file: String
    /// Every problem, sorted by line and then column (problems at one place keep the order they were found in).
    public var problems: [ConfigProblem]

    /// Creates the error; `problems` are put in file order.
    ///
    /// - Parameters:
    ///   - file: The file's path or name, printed before each problem.
    ///   - problems: What is wrong, in any order.
    public init(file: String, problems: [ConfigProblem]) {
        self.file = file
        self.problems = problems.inFileOrder()
    }

    /// Creates the error for one problem.
    ///
    /// - Parameters:
    ///   - file: The file's path or name.
    ///   - message: What is wrong.
    ///   - line: 1-based line (1 when the problem is about the whole file).
    ///   - column: 1-based column.
    public init(file: String, message: String, line: Int = 1, column: Int = 1) {
        self.init(file: file, problems: [ConfigProblem(message: message, line: line, column: column)])
    }

    /// The lines `FILE:LINE:COLUMN: message`, one per problem, in file order.
    public var lines: [String] { problems.map { $0.formatted(file: file) } }

    /// Every problem as `FILE:LINE:COLUMN: message`, one per line, in file order.
    public var description: String { lines.joined(separator: "\n") }

    /// `FILE has N problems`, for a closing line after ``lines``.
    public var summary: String { "\(file) has \(problems.count) problem\(problems.count == 1 ? "" : "s")" }
}
