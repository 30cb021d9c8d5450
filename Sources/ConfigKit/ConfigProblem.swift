/// One thing wrong with a configuration file, and where: the 1-based line and column of the YAML
/// node it is about (the key for an unknown key, the value for a wrong value, the mapping for a
/// missing key).
///
/// A problem that belongs to no node (an unreadable file, an empty document) is at line 1, column 1.
public struct ConfigProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong and how to fix it, naming the entry and key.
    public var message: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (in Unicode scalars, as libyaml counts).
    public var column: Int

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - message: What is wrong and how to fix it.
    ///   - line: 1-based line.
    ///   - column: 1-based column.
    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `message (line L, column C)`, for a problem printed without its file.
    public var description: String { "\(message) (line \(line), column \(column))" }

    /// The problem as compilers print one: `export.yaml:12:9: message`.
    ///
    /// - Parameter file: The file's path as the user gave it.
    /// - Returns: `FILE:LINE:COLUMN: message`.
    public func formatted(file: String) -> String { "\(file):\(line):\(column): \(message)" }
}

extension Sequence where Element == ConfigProblem {
    /// The problems sorted by line and then column; problems at one place keep their order.
    public func inFileOrder() -> [ConfigProblem] {
        enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
