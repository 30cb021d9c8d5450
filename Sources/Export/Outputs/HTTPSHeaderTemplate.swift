/// `${NAME}` substitution in the header values (and the URL) of an `https` output.
///
/// Every `${NAME}` in a value is replaced by environment variable `NAME`; `$` not followed by `{` stays as it is. A
/// variable that is unset or empty is an error naming the header and the variable, never a value. The substituted
/// values are returned as secrets, to be blanked out of anything shown.
enum HTTPSHeaderTemplate {
    /// The resolved headers (sorted by name) and the substituted values.
    /// - Parameters:
    ///   - headers: header names and templated values from the config.
    ///   - environment: the environment.
    ///   - label: the output's label, for error messages.
    /// - Throws: ``HTTPSOutputError`` for an unset or empty variable, or a `${` without `}`.
    static func resolve(_ headers: [String: String], environment: [String: String],
                        label: String) throws(HTTPSOutputError) -> (headers: [(name: String, value: String)], secrets: [String]) {
        var resolved: [(name: String, value: String)] = []
        var secrets: [String] = []
        for (name, template) in headers.sorted(by: { $0.key < $1.key }) {
            let value = try substitute(template, environment: environment, label: label, place: "header '\(name)'",
                                       secrets: &secrets)
            guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw HTTPSOutputError(message: "\(label): header '\(name)' would contain a line break; check its value "
                    + "and the variables it uses")
            }
            resolved.append((name: name, value: value))
        }
        return (resolved, secrets)
    }

    /// `template` with every `${NAME}` replaced by environment variable `NAME`; each substituted value is appended to
    /// `secrets`.
    /// - Parameters:
    ///   - template: the text, e.g. `Bearer ${API_TOKEN}`.
    ///   - environment: the environment.
    ///   - label: the output's label, for error messages.
    ///   - place: where the template is, for error messages, e.g. `header 'Authorization'` or `url`.
    ///   - secrets: collects the substituted values.
    /// - Throws: ``HTTPSOutputError`` for an unset or empty variable, or a `${` without `}`.
    static func substitute(_ template: String, environment: [String: String], label: String, place: String,
                           secrets: inout [String]) throws(HTTPSOutputError) -> String {
        var value = ""
        var rest = Substring(template)
        while let start = rest.range(of: "${") {
            value += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw HTTPSOutputError(message: "\(label): \(place) has a '${' without a closing '}'; write ${VARIABLE_NAME}")
            }
            let variable = String(rest[start.upperBound..<end])
            guard let substituted = environment[variable], !substituted.isEmpty else {
                throw HTTPSOutputError(message: "\(label): environment variable \(variable) (used in \(place)) "
                    + "is not set or empty; set it before the export runs")
            }
            value += substituted
            secrets.append(substituted)
            rest = rest[rest.index(after: end)...]
        }
        return value + rest
    }

    /// `text` with each secret (longest first) replaced by `***`.
    static func blanking(_ secrets: [String], in text: String) -> String {
        secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            .reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }
}
