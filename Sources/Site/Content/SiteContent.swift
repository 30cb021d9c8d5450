import Dataset
import Deploy
import SeekCore
import Sizing

/// Everything the site is rendered from: the published data files, read once, plus the sizing
/// constants and the serving scenario (Advanced Settings) the numbers are computed for.
public struct SiteContent: Sendable {
    /// The newest snapshot, or nil before the first one.
    public var latest: Snapshot?
    /// Every published snapshot, oldest first.
    public var history: [Snapshot]
    /// models.json rows.
    public var models: [ModelSpec]
    /// gpus.json rows (priced offerings).
    public var offerings: [Offering]
    /// gpu_specs.json rows.
    public var specs: [GPUSpec]
    /// unsized_models.json rows: the latest leaderboard's open-weights models without a models.json row, and why.
    public var unsized: [UnsizedModel] = []
    /// api_pricing.json rows: one closed flagship per lab.
    public var apiPrices: [APIPrice]
    /// gpu_price_history.json: 8-GPU node prices at each recorded change.
    public var nodePrices: PriceHistory
    /// Sizing constants; `memoryUtilization` follows the scenario.
    public var assumptions: SizingAssumptions
    /// The serving scenario the sizing numbers are computed for.
    public var scenario: Scenario
    /// The vLLM KV model against public vLLM start-up logs, for the Methodology page (empty: no table).
    public var vllmAgreement: [VLLMAgreement.Row] = []
    /// Snapshot-name renames for the trend series (maintainer data, decisions.md 13); empty = names as published.
    public var aliases: ModelAliases
    /// `config/serving.yaml`; with it every sized setup of a model page gets deploy files and a Deploy page.
    public var servingTable: ServingTable?
    /// Deploy page of each model's setup, site-relative (`deploy/MODEL/8x-h200-141gb/`), keyed by
    /// ``deployKey(model:gpuName:gpuCount:)``; filled by ``SiteWriter`` from ``servingTable``.
    public var deployLinks: [String: String] = [:]
    /// The header's data date and the favicon of every page.
    public var chrome = SiteChrome()

    /// Creates the content; every data input defaults to empty so a page can render before any feed ran.
    public init(latest: Snapshot? = nil, history: [Snapshot] = [], models: [ModelSpec] = [],
                offerings: [Offering] = [], specs: [GPUSpec] = [], apiPrices: [APIPrice] = [],
                nodePrices: PriceHistory = PriceHistory(),
                assumptions: SizingAssumptions = .reference, scenario: Scenario = .default,
                aliases: ModelAliases = ModelAliases()) {
        self.latest = latest
        self.history = history
        self.models = models
        self.offerings = offerings
        self.specs = specs
        self.apiPrices = apiPrices
        self.nodePrices = nodePrices
        self.assumptions = assumptions
        self.scenario = scenario
        self.aliases = aliases
    }

    /// The content of `dataset`'s values, as `generate` hands them on (or decodes them from `data/`), sized with
    /// seekgpu's assumptions (``SizingAssumptions/seekgpu``: vLLM's own memory accounting for the KV budget).
    public init(dataset: Dataset, aliases: ModelAliases, assumptions: SizingAssumptions = .seekgpu) {
        self.init(latest: dataset.latest, history: dataset.snapshots, models: dataset.models, offerings: dataset.offerings,
                  specs: dataset.gpuSpecs, apiPrices: dataset.apiPrices, nodePrices: dataset.priceHistory,
                  assumptions: assumptions, aliases: aliases)
        unsized = dataset.unsizedModels
        chrome.dataAsOf = [dataset.latest?.day, dataset.priceSource?.asOf].compactMap { $0 }.max()
    }

    /// The key of ``deployLinks``.
    public static func deployKey(model: String, gpuName: String, gpuCount: Int,
                                 precision: ServingQuantization = .checkpoint) -> String {
        "\(model)|\(gpuName)|\(gpuCount)" + (precision == .checkpoint ? "" : "|\(precision.rawValue)")
    }

    /// The models that get a model page (`models/NAME/`): every models.json row with a path-safe name, when
    /// there is anything to size.
    public var modelPages: Set<String> {
        search == nil ? [] : Set(models.map(\.modelName).filter { ModelPage.slug(of: $0) != nil })
    }

    /// The constants with the scenario's memory utilisation applied.
    public var scenarioAssumptions: SizingAssumptions {
        var a = assumptions
        a.memoryUtilization = scenario.memoryUtilization
        return a
    }

    /// The setup search over the priced offerings for this scenario; nil when there is nothing to size
    /// (no models or no offerings), so pages leave the sizing sections out.
    public var search: SetupSearch? {
        guard !models.isEmpty, !offerings.isEmpty else { return nil }
        return SetupSearch(offerings: offerings, specs: specs, settings: scenario.settings,
                           assumptions: scenarioAssumptions)
    }

    /// The same content computed for another scenario.
    public func with(_ scenario: Scenario) -> SiteContent {
        var copy = self
        copy.scenario = scenario
        return copy
    }
}
