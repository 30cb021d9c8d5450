import SeekCore
import Sizing

/// One GPU configuration offered on the Budget pages, with what its selector shows.
struct BudgetPreset: Sendable, Hashable {
    /// The configuration (§2.15 preset).
    var config: GPUConfig
    /// The page's path segment under `budget/`, e.g. `8x-rtxpro6000`.
    var slug: String
    /// The interconnect badge (§1.8 `interconnectBadgeLabel`): `NVSwitch`, `NVLink+PCIe` or `PCIe`.
    var badge: String
    /// Monthly cost of the cheapest matching offering (price per hour × 720), USD, or nil without one.
    var monthlyCost: Double?

    /// The presets for the overall category, cheapest first, without those whose slug is unsafe or taken.
    ///
    /// Computed from the content as given; callers pass the default scenario so the set of pages
    /// never depends on the Advanced Settings.
    static func list(_ content: SiteContent) -> [BudgetPreset] {
        guard let latest = content.latest, let search = content.search else { return [] }
        let configs = Budget.presets(category: "overall", models: content.models, entries: latest.entries, search: search)
        var slugs: Set<String> = []
        return configs.compactMap { config in
            guard let slug = slug(gpuCount: config.gpuCount, gpuName: config.gpuName), slugs.insert(slug).inserted else {
                return nil
            }
            let box = SelfHostingCost.boxOffering(gpuName: config.gpuName, gpuCount: config.gpuCount,
                                                  offerings: search.offerings)
            return BudgetPreset(config: config, slug: slug,
                                badge: badge(gpuName: config.gpuName, gpuCount: config.gpuCount, specs: search.specs),
                                monthlyCost: box.map { $0.pricePerHour * search.assumptions.hoursPerMonth })
        }
    }

    /// `{count}x-{gpu name, lower-cased}`, or nil when the GPU name holds anything but ASCII letters,
    /// digits, `.`, `_` and `-` (the slug becomes a directory name and a link).
    static func slug(gpuCount: Int, gpuName: String) -> String? {
        let name = gpuName.lowercased()
        guard gpuCount > 0, !name.isEmpty, !name.hasPrefix("."), name.count <= 60,
              name.unicodeScalars.allSatisfy({ s in
                  ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-"
              })
        else { return nil }
        return "\(gpuCount)x-\(name)"
    }

    /// The interconnect badge (``InterconnectLabel``).
    static func badge(gpuName: String, gpuCount: Int, specs: [String: GPUSpec]) -> String {
        InterconnectLabel.of(gpuName: gpuName, gpuCount: gpuCount, specs: specs)
    }
}
