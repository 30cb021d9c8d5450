import Yams

extension ConfigReader {
    /// The root node of a YAML document; nil, with a problem reported, when the text is not valid
    /// YAML (at the position libyaml names) or holds no document (at line 1, column 1).
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - empty: The problem of an empty file, e.g. "the file is empty; it needs a 'pipelines' list".
    /// - Returns: The root node, or nil.
    package func document(_ yaml: String, empty: String) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            report(Self.syntaxProblem(error))
            return nil
        }
        guard let root else {
            report(empty, at: nil)
            return nil
        }
        return root
    }

    /// A YAML syntax error (or duplicate key) with its position.
    private static func syntaxProblem(_ error: any Error) -> ConfigProblem {
        guard let yaml = error as? YamlError else {
            return ConfigProblem(message: "not valid YAML: \(error)", line: 1, column: 1)
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text); " } ?? ""
            return ConfigProblem(message: "not valid YAML: \(prefix)\(problem)", line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigProblem(message: "duplicate key\(duplicates.count == 1 ? "" : "s") "
                                 + duplicates.map { "'\($0)'" }.joined(separator: ", ") + " in one mapping",
                                 line: context.mark.line, column: context.mark.column)
        case .reader(let problem, _, _, _):
            return ConfigProblem(message: "not readable YAML: \(problem)", line: 1, column: 1)
        default:
            return ConfigProblem(message: "not valid YAML: \(yaml)", line: 1, column: 1)
        }
    }
}
