/// POSIX shell quoting for the command lines recipes print.
enum ShellWords {
    /// The characters a word may hold and still be written bare; `$` is not among them, except in
    /// ``expanding(_:)`` words.
    private static let bare = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,+@%")

    /// `word` as one shell word: bare when safe, else in single quotes.
    static func quote(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy(bare.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Words joined into one command, each quoted.
    static func join(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }

    /// Words joined with a line continuation before every option (`--name`), for a readable `<pre>`.
    static func lines(_ words: [String], indent: String = "  ") -> String {
        var out = ""
        for (index, word) in words.enumerated() {
            if index > 0 { out += word.hasPrefix("--") ? " \\\n" + indent : " " }
            out += quote(word)
        }
        return out
    }
}
