import SeekCore

/// The published form of offerings: `gpus.json` rows, keys in schema order.
extension Offering {
    /// One `gpus.json` row.
    public var json: JSONValue {
        .object(JSONObject([
            ("gpu_name", .string(gpuName)),
            ("vram_gb", .double(vramGB)),
            ("gpu_count", .int(gpuCount)),
            ("total_vram_gb", .double(totalVramGB)),
            ("price_per_hour", .double(pricePerHour)),
            ("currency", .string(currency)),
            ("provider", .string(provider)),
            ("instance_name", .string(instanceName)),
            ("location", .string(location)),
            ("interconnect", .string(interconnect)),
        ]))
    }

    /// Reads a `gpus.json` row back; nil when a field is missing or has the wrong type.
    public init?(json: JSONValue) {
        guard let name = json["gpu_name"]?.stringValue, let vram = json["vram_gb"]?.doubleValue,
              case .int(let count)? = json["gpu_count"], let price = json["price_per_hour"]?.doubleValue,
              let provider = json["provider"]?.stringValue, let instance = json["instance_name"]?.stringValue,
              let location = json["location"]?.stringValue
        else { return nil }
        self.init(gpuName: name, vramGB: vram, gpuCount: count,
                  totalVramGB: json["total_vram_gb"]?.doubleValue ?? PythonMath.round(vram * Double(count), places: 1),
                  pricePerHour: price, currency: json["currency"]?.stringValue ?? "USD", provider: provider,
                  instanceName: instance, location: location,
                  interconnect: json["interconnect"]?.stringValue ?? "pcie")
    }

    /// `gpus.json`: every offering, in the given order.
    public static func listJSON(_ offerings: [Offering]) -> JSONValue {
        .array(offerings.map(\.json))
    }
}

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

    /// The file's JSON: the reference's five fields, then `as_of` and `providers`.
    public var json: JSONValue {
        .object(JSONObject([
            ("service_name", .string("gpuhunt")),
            ("service_url", .string("https://github.com/dstackai/gpuhunt")),
            ("description", .string(Self.description)),
            ("currency", .string("USD")),
            ("currency_symbol", .string("$")),
            ("as_of", asOf.map { .string($0.iso) } ?? .null),
            ("providers", .array(providers.map { provider in
                .object(JSONObject([
                    ("provider", .string(provider.name)),
                    ("catalog_version", provider.catalogVersion.map(JSONValue.string) ?? .null),
                    ("stale", .bool(provider.stale)),
                    ("offerings", .int(provider.offerings)),
                ]))
            })),
        ]))
    }

    /// Reads the file's JSON; nil when it has no `providers` list (e.g. the reference's file).
    public init?(json: JSONValue) {
        guard let list = json["providers"]?.arrayValue else { return nil }
        var providers: [Provider] = []
        for item in list {
            guard let name = item["provider"]?.stringValue else { return nil }
            providers.append(Provider(name: name, catalogVersion: item["catalog_version"]?.stringValue,
                                      stale: item["stale"]?.boolValue ?? false,
                                      offerings: item["offerings"]?.intValue ?? 0))
        }
        self.init(asOf: json["as_of"]?.stringValue.flatMap(Day.init(iso:)), providers: providers)
    }

    /// The date a gpuhunt catalog version names: `20260822-1` → 2026-08-22; nil for other forms.
    public static func date(ofVersion version: String) -> Day? {
        let digits = version.prefix { $0.isNumber }
        guard digits.count == 8 else { return nil }
        let text = "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
        return Day(iso: text)
    }
}
