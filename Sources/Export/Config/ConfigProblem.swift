/// One thing wrong with an export configuration, and where: 1-based line and column of the YAML
/// node it is about (the key for an unknown key, the value for a wrong value).
public struct ConfigProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it, naming the pipeline and key.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (in Unicode scalars, as libyaml counts).
    public var column: Int

    /// Creates a problem.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(message) (line \(line), column \(column))" }

    /// The problem as compilers print one: `export.yaml:12:9: message`.
    public func formatted(file: String) -> String { "\(file):\(line):\(column): \(message)" }
}

/// An export configuration that cannot be used; ``problems`` lists every problem found, in file order.
public struct ExportConfigError: Error, Sendable, CustomStringConvertible {
    /// Every problem, sorted by line and column.
    public var problems: [ConfigProblem]

    /// Creates the error.
    public init(problems: [ConfigProblem]) { self.problems = problems }

    public var description: String {
        "the export configuration has \(problems.count) problem\(problems.count == 1 ? "" : "s"): "
            + problems.map(\.description).joined(separator: "; ")
    }
}
