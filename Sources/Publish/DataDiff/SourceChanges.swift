import SeekCore

/// What changed in `gpu_source.json`: which gpuhunt catalog version each provider's rows come
/// from, and which providers are stale (their rows kept from an earlier run because the provider
/// could not be loaded this time).
///
/// The reference's file has no `providers` list; then only a change of its other fields is noted.
public struct SourceChanges: Sendable, Equatable {
    /// One provider's entry.
    public struct Provider: Sendable, Equatable {
        /// gpuhunt's provider name.
        public var name: String
        /// The catalog version its rows come from, e.g. `20260822-1`.
        public var catalogVersion: String?
        /// True when its rows were kept from an earlier run.
        public var stale: Bool
        /// Its published offerings.
        public var offerings: Int?
    }

    /// A provider whose catalog version changed.
    public struct VersionChange: Sendable, Equatable {
        /// The provider.
        public var provider: String
        /// The versions before and after; nil when the provider was not listed or had none.
        public var old: String?, new: String?
    }

    /// Catalog version changes, by provider.
    public var versionChanges: [VersionChange]
    /// Providers stale in the new file (whether or not they were stale before), by name.
    public var stale: [Provider]
    /// Providers stale before and not any more, by name.
    public var recovered: [String]
    /// Names of the providers stale before too (a subset of `stale`).
    public var staleBefore: Set<String>
    /// `as_of` before and after.
    public var oldAsOf: String?, newAsOf: String?
    /// True when fields other than the providers and `as_of` changed (e.g. the description).
    public var otherFieldsChanged: Bool

    /// Compares two source descriptions; `bytesChanged` says whether the files differ at all, so a change
    /// the typed view does not show (the description) is still noted.
    init(old: PriceSource?, new: PriceSource?, bytesChanged: Bool) {
        let before = Self.providers(old), after = Self.providers(new)
        let oldByName = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        let newByName = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        versionChanges = Set(oldByName.keys).union(newByName.keys).sorted().compactMap { name in
            let a = oldByName[name]?.catalogVersion, b = newByName[name]?.catalogVersion
            return a == b ? nil : VersionChange(provider: name, old: a, new: b)
        }
        stale = after.filter(\.stale).sorted { $0.name < $1.name }
        staleBefore = Set(before.filter(\.stale).map(\.name))
        recovered = before.filter { $0.stale && newByName[$0.name].map { !$0.stale } ?? false }.map(\.name).sorted()
        oldAsOf = old?.asOf?.iso
        newAsOf = new?.asOf?.iso
        otherFieldsChanged = old != nil && new != nil && old == new && bytesChanged
    }

    /// Providers that became stale with this change.
    public var newlyStale: [Provider] { stale.filter { !staleBefore.contains($0.name) } }

    /// True when nothing worth reporting changed. A provider that stays stale is still reported
    /// in the markdown when something else changed, but does not make a change on its own.
    public var isEmpty: Bool {
        versionChanges.isEmpty && newlyStale.isEmpty && recovered.isEmpty && oldAsOf == newAsOf && !otherFieldsChanged
    }

    private static func providers(_ source: PriceSource?) -> [Provider] {
        (source?.providers ?? []).map { provider in
            Provider(name: provider.name, catalogVersion: provider.catalogVersion, stale: provider.stale,
                     offerings: provider.offerings)
        }
    }
}
