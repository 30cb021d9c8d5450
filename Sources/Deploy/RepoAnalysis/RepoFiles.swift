/// A repository's text files as the analyzer reads them: paths relative to the root, `/`-separated.
public struct RepoFiles: Sendable, Hashable {
    /// One file.
    public struct File: Sendable, Hashable {
        public var path: String
        public var text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// The last path component.
        public var name: String { path.split(separator: "/").last.map(String.init) ?? path }
        /// Lines, numbered from 1.
        public var lines: [(number: Int, text: Substring)] {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, $0.element) }
        }
    }

    /// The files, in path order.
    public var files: [File]

    public init(files: [File]) {
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The file at a path, if read.
    public func file(_ path: String) -> File? { files.first { $0.path == path } }
}

/// One thing the analyzer found, where it found it.
public struct RepoFinding: Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the root.
    public var file: String
    /// The line (from 1), when one line says it.
    public var line: Int?
    /// What was found and what it means, e.g. `peft → training`.
    public var what: String

    public init(file: String, line: Int? = nil, what: String) {
        self.file = file
        self.line = line
        self.what = what
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(what)" }
}
