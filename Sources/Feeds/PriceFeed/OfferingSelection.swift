import SeekCore

/// The pure half of the prices step: catalog rows in, published offerings out.
///
/// As the reference (`reference-pipeline.md` §2.1–2.2): NVIDIA, on-demand, at least one GPU,
/// not an excluded GPU, at least the minimum memory per GPU; then the cheapest offer per
/// (gpuhunt GPU name, memory per GPU, GPU count). Equal prices are broken by provider,
/// instance name and location in byte order (decisions 10), so the choice never flips
/// between runs. PCIe boards get their variant name, every offer an interconnect class.
public enum OfferingSelection {
    /// An offer that passed the filter, keyed as the reference keys it.
    struct Candidate {
        var gpuName: String
        var gpuMemory: Double
        var gpuCount: Int
        var price: Double
        var provider: String
        var instanceName: String
        var location: String

        /// True when `self` should win over `other` for the same key.
        func beats(_ other: Candidate) -> Bool {
            if price != other.price { return price < other.price }
            for (a, b) in [(provider, other.provider), (instanceName, other.instanceName), (location, other.location)] where a != b {
                return a.utf8.lexicographicallyPrecedes(b.utf8)
            }
            return false
        }
    }

    /// Selects the published offerings.
    /// - Parameters:
    ///   - rows: fresh catalog rows of every provider that loaded.
    ///   - kept: previously published offerings of providers that failed this run (stale rows);
    ///     they compete with the fresh rows.
    /// - Returns: offerings sorted by (GPU name, GPU count, price), as `gpus.json` lists them.
    public static func select(rows: [CatalogRow], kept: [Offering] = [],
                              configuration: PriceFeedConfiguration) -> [Offering] {
        let candidates = candidates(rows: rows, kept: kept, configuration: configuration)
        struct Key: Hashable {
            var name: String
            var memory: Double
            var count: Int
        }
        var best: [Key: Candidate] = [:]
        for candidate in candidates {
            let key = Key(name: candidate.gpuName, memory: candidate.gpuMemory, count: candidate.gpuCount)
            if let current = best[key], !candidate.beats(current) { continue }
            best[key] = candidate
        }

        let keyOrdered = best.values.sorted { a, b in
            if a.gpuName != b.gpuName { return a.gpuName.utf8.lexicographicallyPrecedes(b.gpuName.utf8) }
            if a.gpuMemory != b.gpuMemory { return a.gpuMemory < b.gpuMemory }
            return a.gpuCount < b.gpuCount
        }
        let offerings = keyOrdered.map { offering(from: $0, configuration: configuration) }
        return offerings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.gpuName != y.gpuName { return x.gpuName.utf8.lexicographicallyPrecedes(y.gpuName.utf8) }
            if x.gpuCount != y.gpuCount { return x.gpuCount < y.gpuCount }
            if x.pricePerHour != y.pricePerHour { return x.pricePerHour < y.pricePerHour }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Every offer that passes the filter, named and classified as the published ones, in row order: what
    /// `seekgpu recommend` groups to list each setup's providers cheapest first.
    public static func offers(rows: [CatalogRow], configuration: PriceFeedConfiguration) -> [Offering] {
        candidates(rows: rows, kept: [], configuration: configuration).map { offering(from: $0, configuration: configuration) }
    }

    /// The offers that pass the filter (NVIDIA, on demand, at least one GPU, not excluded, enough memory), fresh
    /// rows first, then the kept rows under their gpuhunt names.
    private static func candidates(rows: [CatalogRow], kept: [Offering], configuration: PriceFeedConfiguration) -> [Candidate] {
        var candidates: [Candidate] = []
        candidates.reserveCapacity(rows.count + kept.count)
        for row in rows {
            guard row.gpuVendor == "nvidia", !row.spot, row.gpuCount >= 1,
                  let name = row.gpuName, let memory = row.gpuMemory else { continue }
            candidates.append(Candidate(gpuName: name, gpuMemory: memory, gpuCount: row.gpuCount, price: row.price,
                                        provider: row.provider, instanceName: row.instanceName, location: row.location))
        }
        let variantOf = Dictionary(configuration.pcieVariants.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        for offering in kept where offering.gpuCount >= 1 {
            candidates.append(Candidate(gpuName: variantOf[offering.gpuName] ?? offering.gpuName, gpuMemory: offering.vramGB,
                                        gpuCount: offering.gpuCount, price: offering.pricePerHour,
                                        provider: offering.provider, instanceName: offering.instanceName,
                                        location: offering.location))
        }
        return candidates.filter { !configuration.excludedGPUs.contains($0.gpuName) && $0.gpuMemory >= configuration.minVramGB }
    }

    private static func offering(from candidate: Candidate, configuration: PriceFeedConfiguration) -> Offering {
        let isPCIe = candidate.instanceName.lowercased().contains("pcie")
        let name = isPCIe ? configuration.pcieVariants[candidate.gpuName] ?? candidate.gpuName : candidate.gpuName
        return Offering(gpuName: name, vramGB: candidate.gpuMemory, gpuCount: candidate.gpuCount,
                        totalVramGB: PythonMath.round(candidate.gpuMemory * Double(candidate.gpuCount), places: 1),
                        pricePerHour: candidate.price, currency: "USD", provider: candidate.provider,
                        instanceName: candidate.instanceName, location: candidate.location,
                        interconnect: interconnect(gpuName: name, instanceName: candidate.instanceName,
                                                   nvlinkClass: configuration.nvlinkClassGPUs))
    }

    /// `nvlink` or `pcie`, never unknown: what the instance name says (PCIe first; then SXM,
    /// HGX, DGX, NVLink or a word starting with NVL), else the GPU's standard datacenter form factor.
    public static func interconnect(gpuName: String, instanceName: String, nvlinkClass: Set<String>) -> String {
        let text = "\(gpuName) \(instanceName)".lowercased()
        if text.contains("pcie") { return "pcie" }
        if ["sxm", "hgx", "dgx", "nvlink"].contains(where: text.contains) || hasWord(startingWith: "nvl", in: text) {
            return "nvlink"
        }
        return nvlinkClass.contains(gpuName) ? "nvlink" : "pcie"
    }

    /// True when `prefix` occurs at a word boundary (start of text or after a character that is
    /// not a letter, digit or `_`), like the regular expression `\bnvl`.
    private static func hasWord(startingWith prefix: String, in text: String) -> Bool {
        var previous: Character?
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix(prefix), !(previous.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) {
                return true
            }
            previous = rest.removeFirst()
        }
        return false
    }
}
