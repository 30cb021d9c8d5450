/// A gpuhunt catalog version, e.g. `20260822-1`: what `{provider}/version` answers and what
/// `--catalog-version` pins. Letters, digits, `.`, `-` and `_`, at most 64 characters, so it is
/// safe as a URL path segment.
public struct CatalogVersion: Sendable, Hashable, CustomStringConvertible {
    /// The version as written.
    public let text: String

    /// A version, or nil when `text` is empty, too long or has a character outside the allowed set.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 64,
              text.utf8.allSatisfy({ Self.allowed.contains($0) }) else { return nil }
        self.text = text
    }

    private static let allowed = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_".utf8))

    /// The UTC day the version names (`20260822-1` → 2026-08-22), nil for other forms.
    public var day: Day? { PriceSource.date(ofVersion: text) }

    public var description: String { text }
}
