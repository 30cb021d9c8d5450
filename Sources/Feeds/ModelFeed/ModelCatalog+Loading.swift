import ConfigKit
import Foundation
import Yams

extension ModelCatalog {
    /// The keys of a `models` item.
    static let modelKeys = ["name", "hf_repo", "license"]
    /// The keys of an `architecture_sources` item.
    static let borrowedKeys = ["name", "config_repo", "model_url", "license"]
    /// The keys of a `license`.
    static let licenseKeys = ["name", "url"]

    /// Reads and checks `models.yaml` in `configDirectory`.
    ///
    /// - Parameter configDirectory: The configuration directory, normally the repository's `config/`.
    /// - Returns: The catalog: `models` in file order, then the `architecture_sources` not already listed.
    /// - Throws: ``ConfigFileError`` naming the file, with every problem as `FILE:LINE:COLUMN: message`:
    ///   a missing file, invalid YAML, unknown or missing keys, values of the wrong type, a model listed
    ///   twice under `models`, a repository not written ORG/NAME.
    public static func load(configDirectory: URL) throws -> ModelCatalog {
        let url = configDirectory.appendingPathComponent(fileName)
        let path = url.relativePath
        let reader = ConfigReader()
        guard let root = reader.document(try ConfigFile.text(of: url), empty: "the file is empty; it needs 'models'"),
              let top = reader.mapping(root, at: "the file", allowed: ["models", "architecture_sources"], required: ["models"])
        else { throw reader.error(file: path) }
        var entries: [Entry] = []
        var names = SeenNames()
        for (index, item) in (reader.sequence(top["models"], "models") ?? []).enumerated() {
            let (entry, name) = model(item, at: "models[\(index)]", borrowed: false, reader: reader)
            // Names are compared even in an entry with other problems, so a duplicate is always reported.
            if let (name, node) = name, let first = names.earlierPlace(of: name, at: node) {
                reader.report("model '\(name)' is listed twice (first at \(first)); keep one entry", at: node)
                continue
            }
            if let entry { entries.append(entry) }
        }
        let borrowed = reader.sequence(reader.given(top["architecture_sources"]), "architecture_sources") ?? []
        for (index, item) in borrowed.enumerated() {
            // A borrowed config for a model that has its own repository (or was borrowed already) is not used.
            guard let entry = model(item, at: "architecture_sources[\(index)]", borrowed: true, reader: reader).entry,
                  !entries.contains(where: { $0.name == entry.name }) else { continue }
            entries.append(entry)
        }
        try reader.check(file: path)
        return ModelCatalog(entries: entries)
    }

    /// One `models` item (`borrowed` false) or `architecture_sources` item, nil when it is not usable
    /// (its problems are reported), and its name with the name's node when the name is readable.
    private static func model(_ node: Node, at path: String, borrowed: Bool,
                              reader: ConfigReader) -> (entry: Entry?, name: (String, Node)?) {
        let repoKey = borrowed ? "config_repo" : "hf_repo"
        guard let fields = reader.mapping(node, at: path, allowed: borrowed ? borrowedKeys : modelKeys,
                                          required: ["name", repoKey, "license"]) else { return (nil, nil) }
        let name = reader.nonEmptyString(fields["name"], "\(path): name")
        let label = name.map { "model '\($0)'" } ?? path
        let repo = repository(fields[repoKey], "\(label): \(repoKey)", reader: reader)
        let modelURL = reader.given(fields["model_url"]).flatMap { reader.nonEmptyString($0, "\(label): model_url") }
        let license = fields["license"].flatMap {
            reader.mapping($0, at: "\(label): license", allowed: licenseKeys, required: licenseKeys)
        }
        let licenseName = reader.nonEmptyString(license?["name"], "\(label): license name")
        let licenseURL = reader.nonEmptyString(license?["url"], "\(label): license url")
        let located = name.flatMap { name in fields["name"].map { (name, $0) } }
        guard let name, let repo, let licenseName, let licenseURL else { return (nil, located) }
        return (Entry(name: name, hfRepo: borrowed ? nil : repo, configRepo: repo, modelURL: modelURL,
                      licenseName: licenseName, licenseURL: licenseURL), located)
    }

    /// A Hugging Face repository written `ORG/NAME`: two non-empty parts not starting with `.`, of
    /// letters, digits, `-`, `_` and `.`.
    private static func repository(_ node: Node?, _ what: String, reader: ConfigReader) -> String? {
        guard let repo = reader.nonEmptyString(node, what) else { return nil }
        let parts = repo.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }),
              repo.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
            reader.report("\(what) '\(repo)' is not a Hugging Face repository; write it as ORG/NAME", at: node)
            return nil
        }
        return repo
    }
}
