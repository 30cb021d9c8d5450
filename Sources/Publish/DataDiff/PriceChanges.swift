import SeekCore

/// How GPU prices moved between two `gpus.json` files.
///
/// A *configuration* is a GPU model × GPU count (`H100×8`); its price is the cheapest offering's
/// `price_per_hour` (USD per instance-hour, whole instance), ties broken by provider, instance and
/// location so the same files always name the same offering. An *offering* is one row, identified
/// by provider, instance name, location, GPU and count.
public struct PriceChanges: Sendable, Equatable {
    /// A GPU model and count, e.g. H100×8.
    public struct Configuration: Sendable, Hashable, Comparable {
        /// `gpu_name`, e.g. `H100`.
        public var gpuName: String
        /// `gpu_count`.
        public var gpuCount: Int

        /// `H100×8`.
        public var label: String { "\(gpuName)×\(gpuCount)" }

        public static func < (a: Configuration, b: Configuration) -> Bool {
            (a.gpuName, a.gpuCount) < (b.gpuName, b.gpuCount)
        }
    }

    /// One `gpus.json` row.
    public struct Offering: Sendable, Equatable {
        /// The GPU model and count.
        public var configuration: Configuration
        /// Cloud provider, e.g. `runpod`.
        public var provider: String
        /// The provider's SKU.
        public var instanceName: String
        /// Region code.
        public var location: String
        /// USD per hour for the whole instance.
        public var pricePerHour: Double

        /// The identity of an offering across versions (its price is what may move).
        var key: [String] {
            [provider, instanceName, location, configuration.gpuName, String(configuration.gpuCount)]
        }

        /// Cheapest first; ties by provider, instance, location.
        static func cheaper(_ a: Offering, _ b: Offering) -> Bool {
            if a.pricePerHour != b.pricePerHour { return a.pricePerHour < b.pricePerHour }
            return (a.provider, a.instanceName, a.location) < (b.provider, b.instanceName, b.location)
        }
    }

    /// A configuration whose cheapest price changed.
    public struct Move: Sendable, Equatable {
        /// The cheapest offering before and after (possibly from different providers).
        public var old: Offering, new: Offering
        /// The configuration.
        public var configuration: Configuration { new.configuration }
        /// The change in percent of the old price (positive = dearer).
        public var percent: Double { Format.percentChange(from: old.pricePerHour, to: new.pricePerHour) ?? 0 }
    }

    /// Cheapest-price changes, largest absolute percentage first, then by configuration.
    public var moves: [Move]
    /// Configurations only the new file offers (their cheapest offering), by configuration.
    public var appeared: [Offering]
    /// Configurations only the old file offered (their cheapest offering), by configuration.
    public var disappeared: [Offering]
    /// Offerings only the new file has, by provider, configuration, instance, location.
    public var addedOfferings: [Offering]
    /// Offerings only the old file has, in the same order.
    public var removedOfferings: [Offering]
    /// Offerings on both sides whose price changed.
    public var repricedOfferings: Int
    /// Configurations and offerings on each side.
    public var oldConfigurations: Int, newConfigurations: Int, oldOfferings: Int, newOfferings: Int

    init(old: [SeekCore.Offering]?, new: [SeekCore.Offering]?) {
        let before = Self.offerings(old), after = Self.offerings(new)
        let oldCheapest = Self.cheapest(before), newCheapest = Self.cheapest(after)
        oldConfigurations = oldCheapest.count
        newConfigurations = newCheapest.count
        oldOfferings = before.count
        newOfferings = after.count
        moves = newCheapest.compactMap { configuration, offering -> Move? in
            guard let previous = oldCheapest[configuration], previous.pricePerHour != offering.pricePerHour else { return nil }
            return Move(old: previous, new: offering)
        }.sorted { a, b in
            // Hundredths of a percent: moves that print alike (L4×2 and L4×4 both −50.9%) list by configuration.
            let x = (abs(a.percent) * 100).rounded(), y = (abs(b.percent) * 100).rounded()
            return x != y ? x > y : a.configuration < b.configuration
        }
        appeared = newCheapest.filter { oldCheapest[$0.key] == nil }.values.sorted { $0.configuration < $1.configuration }
        disappeared = oldCheapest.filter { newCheapest[$0.key] == nil }.values.sorted { $0.configuration < $1.configuration }
        let oldByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { Offering.cheaper($0, $1) ? $0 : $1 })
        let newByKey = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { Offering.cheaper($0, $1) ? $0 : $1 })
        let order: (Offering, Offering) -> Bool = { a, b in
            (a.provider, a.configuration.gpuName, a.configuration.gpuCount, a.instanceName, a.location)
                < (b.provider, b.configuration.gpuName, b.configuration.gpuCount, b.instanceName, b.location)
        }
        addedOfferings = newByKey.filter { oldByKey[$0.key] == nil }.values.sorted(by: order)
        removedOfferings = oldByKey.filter { newByKey[$0.key] == nil }.values.sorted(by: order)
        repricedOfferings = newByKey.filter { key, offering in
            oldByKey[key].map { $0.pricePerHour != offering.pricePerHour } ?? false
        }.count
    }

    /// True when no price, configuration or offering changed.
    public var isEmpty: Bool {
        moves.isEmpty && appeared.isEmpty && disappeared.isEmpty && addedOfferings.isEmpty
            && removedOfferings.isEmpty && repricedOfferings == 0
    }

    /// Added and removed offerings per provider, sorted by provider.
    public var offeringCountsByProvider: [(provider: String, added: Int, removed: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for offering in addedOfferings { counts[offering.provider, default: (0, 0)].0 += 1 }
        for offering in removedOfferings { counts[offering.provider, default: (0, 0)].1 += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]?.0 ?? 0, counts[$0]?.1 ?? 0) }
    }

    /// The rows as this report keys them.
    private static func offerings(_ rows: [SeekCore.Offering]?) -> [Offering] {
        (rows ?? []).map { row in
            Offering(configuration: Configuration(gpuName: row.gpuName, gpuCount: row.gpuCount), provider: row.provider,
                     instanceName: row.instanceName, location: row.location, pricePerHour: row.pricePerHour)
        }
    }

    private static func cheapest(_ offerings: [Offering]) -> [Configuration: Offering] {
        var result: [Configuration: Offering] = [:]
        for offering in offerings {
            if let best = result[offering.configuration], !Offering.cheaper(offering, best) { continue }
            result[offering.configuration] = offering
        }
        return result
    }
}
