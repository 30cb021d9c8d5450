import Foundation

/// Reads the text of a configuration file, turning a missing or unreadable file into a
/// ``ConfigFileError`` that says how to point seekgpu at the right one.
public enum ConfigFile {
    /// What a maintainer table's "cannot be read" problem suggests: where seekgpu looks for `config/`.
    public static let directoryHint = "run seekgpu from the repository root or pass --config DIR"

    /// The file's text.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - hint: What to do when it cannot be read, e.g. ``directoryHint``.
    /// - Returns: The text, decoded as UTF-8.
    /// - Throws: ``ConfigFileError`` at line 1, column 1, naming the file as `url` names it
    ///   (`url.relativePath`: relative when the directory was given relative): when the file is
    ///   missing or unreadable (with `hint`), or when it is not UTF-8 text.
    public static func text(of url: URL, hint: String = directoryHint) throws -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "does not exist"
            throw ConfigFileError(file: url.relativePath, message: "the file \(reason); \(hint)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(file: url.relativePath, message: "the file is not UTF-8 text; save it as UTF-8")
        }
        return text
    }
}
