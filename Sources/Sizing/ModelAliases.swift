import SeekCore

/// Snapshot-name → canonical-name renames (§2.20 `resolveModelName`). The table itself is maintainer data
/// (decisions.md 13), passed in, not code.
public struct ModelAliases: Sendable, Hashable {
    /// Alias → name it stands for; chains are followed.
    public var table: [String: String]

    /// Creates a resolver.
    ///
    /// - Parameter table: Alias → target name.
    public init(_ table: [String: String] = [:]) {
        self.table = table
    }

    /// Creates a resolver from (alias, target) pairs, such as the maintainers' renames; a later pair
    /// for the same alias wins.
    public init(_ pairs: [(String, String)]) {
        self.init(Dictionary(pairs, uniquingKeysWith: { _, last in last }))
    }

    /// The canonical name: follows the chain of aliases, stopping on a cycle; unknown names are unchanged.
    ///
    /// - Parameter name: A name as it appears in a snapshot.
    public func resolve(_ name: String) -> String {
        var current = name
        var seen: Set<String> = [name]
        while let next = table[current], !seen.contains(next) {
            seen.insert(next)
            current = next
        }
        return current
    }

    /// Canonical names of models whose rows say `openness == "open_weights"` in any snapshot.
    ///
    /// Deliberate difference (decisions.md 14): open vs closed in trends is decided by `openness`,
    /// never by the licence filter of models.json.
    /// - Parameter snapshots: All snapshots.
    /// - Returns: Resolved open model names.
    public func openModels(in snapshots: [Snapshot]) -> Set<String> {
        var open: Set<String> = []
        for snapshot in snapshots {
            for entry in snapshot.entries where entry.openness == "open_weights" { open.insert(resolve(entry.modelName)) }
        }
        return open
    }
}
