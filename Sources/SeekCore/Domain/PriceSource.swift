/// `gpu_source.json`: where prices come from, and per provider which catalog version the
/// published rows were read from and whether they are stale (kept from an earlier run
/// because the provider failed this time, decisions 12).
public struct PriceSource: Sendable, Equatable {
    /// One provider's state.
    public struct Provider: Sendable, Equatable {
        /// gpuhunt's provider name.
        public var name: String
        /// The catalog version the provider's rows come from (e.g. `20260822-1`), nil if never loaded.
        public var catalogVersion: String?
        /// True when this run could not load the provider and kept its earlier rows.
        public var stale: Bool
        /// Published offerings (rows of `gpus.json`) from this provider.
        public var offerings: Int

        /// Creates a provider state.
        public init(name: String, catalogVersion: String?, stale: Bool, offerings: Int) {
            self.name = name
            self.catalogVersion = catalogVersion
            self.stale = stale
            self.offerings = offerings
        }
    }

    /// The UTC date of the newest catalog read, from its version (`20260822-1` → 2026-08-22).
    public var asOf: Day?
    /// Every configured provider, in configuration order.
    public var providers: [Provider]

    /// Creates a source description.
    public init(asOf: Day?, providers: [Provider]) {
        self.asOf = asOf
        self.providers = providers
    }

    /// The text shown on the site under prices.
    public static let description = "All regions considered. Interconnect (NVLink vs PCIe) is inferred from the "
        + "instance name, falling back to the GPU's standard datacenter form factor."

    /// The date a gpuhunt catalog version names: `20260822-1` → 2026-08-22; nil for other forms.
    public static func date(ofVersion version: String) -> Day? {
        let digits = version.prefix { $0.isNumber }
        guard digits.count == 8 else { return nil }
        let text = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
        return Day(iso: text)
    }
}
