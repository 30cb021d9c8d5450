/// A strict-JSON syntax error with its position, worded like Python's `json.JSONDecodeError`.
///
/// `offset` is a 0-based byte offset into the input; `line` and `column` are 1-based
/// (the column counts bytes since the last line feed). Python counts characters rather
/// than UTF-8 bytes, so positions differ from Python only after non-ASCII text.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, e.g. `Expecting ',' delimiter`.
    public let message: String
    /// The 0-based byte offset of the error in the input.
    public let offset: Int
    /// The 1-based line number of `offset`.
    public let line: Int
    /// The 1-based column (in bytes) of `offset` within its line.
    public let column: Int

    /// Creates an error with an explicit position.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// Creates an error at `offset` in `bytes`, computing line and column like Python does.
    init(message: String, offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lastNewline = -1
        var position = 0
        let end = min(offset, bytes.count)
        while position < end {
            if bytes[position] == 0x0A {
                line += 1
                lastNewline = position
            }
            position += 1
        }
        self.init(message: message, offset: offset, line: line, column: offset - lastNewline)
    }

    /// Python's format: `Expecting value: line 1 column 1 (char 0)` (here `char` is a byte offset).
    public var description: String {
        "\(message): line \(line) column \(column) (char \(offset))"
    }
}
