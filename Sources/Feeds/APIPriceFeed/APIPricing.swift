import SeekCore

/// The pure half of the API-pricing step: which closed model represents each lab, and its
/// LiteLLM price row for `api_pricing.json`.
public enum APIPricing {
    /// The benchmark name of the overall category, which beats any other category.
    public static let overallBenchmark = "overall"
    /// The openness of models that can be priced.
    public static let closedOpenness = "closed_api_available"

    /// A selected model for which LiteLLM has no entry.
    public struct MissingPrice: Sendable, Equatable, CustomStringConvertible {
        /// The lab, e.g. `anthropic`.
        public var lab: String
        /// The leaderboard model name.
        public var model: String
        /// The last LiteLLM key tried (the `litellm_id_map` entry, else the lowercased name).
        public var triedKey: String

        /// Creates a record.
        public init(lab: String, model: String, triedKey: String) {
            self.lab = lab
            self.model = model
            self.triedKey = triedKey
        }

        /// `lab/model`.
        public var description: String { "\(lab)/\(model)" }
    }

    /// The best closed model of each lab, then the configured overrides on top.
    ///
    /// Only rows with openness `closed_api_available`, a score and a lab (by
    /// ``APIPricingConfiguration/labPatterns``) count. An `overall` row beats any other
    /// row; between rows of the same kind a strictly higher score wins, so ties keep the
    /// first row. ``APIPricingConfiguration/closedModelOverrides`` then replace or add labs.
    /// - Returns: lab → model name.
    public static func bestClosedModels(in entries: [BenchmarkEntry],
                                        configuration: APIPricingConfiguration) -> [String: String] {
        var best: [String: (model: String, overall: Bool, score: Double)] = [:]
        for entry in entries {
            guard entry.openness == closedOpenness, !entry.score.isNaN,
                  let lab = configuration.lab(of: entry.modelName) else { continue }
            let overall = entry.benchmarkName == overallBenchmark
            if let current = best[lab] {
                let wins = (overall && !current.overall) || (overall == current.overall && entry.score > current.score)
                guard wins else { continue }
            }
            best[lab] = (entry.modelName, overall, entry.score)
        }
        var result = best.mapValues(\.model)
        for (lab, model) in configuration.closedModelOverrides {
            result[lab] = model
        }
        return result
    }

    /// The LiteLLM key for `model`: the lowercased name, else it plus `-preview`, else the
    /// ``APIPricingConfiguration/litellmIDMap`` entry (or the lowercased name again).
    /// - Returns: the key and whether `isPresent` holds for it.
    public static func resolveKey(for model: String, configuration: APIPricingConfiguration,
                                  isPresent: (String) -> Bool) -> (key: String, found: Bool) {
        let lower = model.lowercased()
        if isPresent(lower) { return (lower, true) }
        let preview = lower + "-preview"
        if isPresent(preview) { return (preview, true) }
        let mapped = configuration.litellmIDMap[model] ?? lower
        return (mapped, isPresent(mapped))
    }

    /// The `api_pricing.json` rows of the selected models.
    ///
    /// Keys with a ``APIPricingConfiguration/droppedKeyPrefixes`` prefix are ignored. A row is
    /// every LiteLLM field in source order, then `model_name`, `lab`, `litellm_id` and
    /// `context_window` (LiteLLM's `context_window` when truthy in Python's sense, else
    /// `max_input_tokens`, else null); a field LiteLLM already has keeps its position
    /// (Python dict-merge semantics). Rows are sorted by (lab, model name) in code-point order.
    /// - Parameters:
    ///   - prices: the parsed LiteLLM JSON, an object keyed by model id.
    ///   - selection: lab → model name, from ``bestClosedModels(in:configuration:)``.
    /// - Returns: the rows, and the selected models without a LiteLLM entry (sorted by lab).
    /// - Throws: ``FormatChangeError`` (source `litellm`) when `prices` or a matched entry is not an object.
    public static func rows(prices: JSONValue, selection: [String: String], configuration: APIPricingConfiguration)
        throws(FormatChangeError) -> (rows: [JSONValue], missing: [MissingPrice]) {
        guard let table = prices.objectValue else {
            throw FormatChangeError(source: "litellm", details: "the price list is not a JSON object")
        }
        let dropped = configuration.droppedKeyPrefixes
        let isPresent: (String) -> Bool = { key in
            table.contains(key: key) && !dropped.contains { key.hasPrefix($0) }
        }
        var rows: [(lab: String, model: String, row: JSONValue)] = []
        var missing: [MissingPrice] = []
        for (lab, model) in selection.sorted(by: { codePointLess($0.key, $1.key) }) {
            let (key, found) = resolveKey(for: model, configuration: configuration, isPresent: isPresent)
            guard found else {
                missing.append(MissingPrice(lab: lab, model: model, triedKey: key))
                continue
            }
            guard var row = table[key]?.objectValue else {
                throw FormatChangeError(source: "litellm", details: "the entry '\(key)' is not a JSON object")
            }
            let contextWindow: JSONValue
            if let window = row["context_window"], isTruthy(window) {
                contextWindow = window
            } else {
                contextWindow = row["max_input_tokens"] ?? .null
            }
            row.setValue(.string(model), forKey: "model_name")
            row.setValue(.string(lab), forKey: "lab")
            row.setValue(.string(key), forKey: "litellm_id")
            row.setValue(contextWindow, forKey: "context_window")
            rows.append((lab, model, .object(row)))
        }
        rows.sort { a, b in
            a.lab != b.lab ? codePointLess(a.lab, b.lab) : codePointLess(a.model, b.model)
        }
        return (rows.map(\.row), missing)
    }

    /// Fails when a required lab's selected model has no price.
    /// - Returns: the missing models of labs that are not required (to report, not to fail on).
    /// - Throws: ``MissingAPIPricingError`` listing every missing model of a required lab.
    public static func checkRequiredLabs(missing: [MissingPrice], configuration: APIPricingConfiguration)
        throws(MissingAPIPricingError) -> [MissingPrice] {
        let required = missing.filter { configuration.requiredLabs.contains($0.lab) }
        guard required.isEmpty else { throw MissingAPIPricingError(missing: required) }
        return missing
    }

    /// `API pricing updated: lab/model, …`, sorted by model name in code-point order.
    public static func updateLine(rows: [JSONValue]) -> String {
        updateLine(models: rows.compactMap { row -> (lab: String, model: String)? in
            guard let model = row["model_name"]?.stringValue, let lab = row["lab"]?.stringValue else { return nil }
            return (lab, model)
        })
    }

    /// `API pricing updated: lab/model, …` for published prices.
    public static func updateLine(prices: [APIPrice]) -> String {
        updateLine(models: prices.map { ($0.lab, $0.modelName) })
    }

    private static func updateLine(models: [(lab: String, model: String)]) -> String {
        "API pricing updated: " + models.sorted { codePointLess($0.model, $1.model) }.map { "\($0.lab)/\($0.model)" }
            .joined(separator: ", ")
    }

    /// Python `sorted()` order of strings.
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Python truthiness of a JSON value.
    static func isTruthy(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let items): return !items.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }
}

/// A required lab's selected model has no LiteLLM price; nothing was written.
public struct MissingAPIPricingError: Error, Sendable, CustomStringConvertible {
    /// The models without a price, each with the LiteLLM key last tried.
    public var missing: [APIPricing.MissingPrice]

    /// Creates an error.
    public init(missing: [APIPricing.MissingPrice]) {
        self.missing = missing
    }

    public var description: String {
        let list = missing.map { "\($0.lab)/\($0.model) (tried '\($0.triedKey)')" }.joined(separator: ", ")
        return "Missing required API pricing for: \(list). Map each model to its LiteLLM key under "
            + "litellm_id_map (or pick another model under closed_model_overrides) in config/"
            + APIPricingConfiguration.fileName + "; nothing was written."
    }
}
