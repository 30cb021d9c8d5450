import SeekCore

/// What changed in `api_pricing.json`, the closed flagship model per lab that self-hosting is
/// compared against: the model chosen for each lab and its per-token prices (USD per token).
///
/// Only the fields the site reads are compared; the rest of the LiteLLM entry is passed through
/// by the generator and would only add noise (a changed `supports_*` flag moves no number here).
public struct APIPricingChanges: Sendable, Equatable {
    /// One lab whose entry changed.
    public struct Lab: Sendable, Equatable {
        /// `anthropic`, `google`, `openai`, …
        public var lab: String
        /// The lab's model before and after; nil when the lab was not listed.
        public var oldModel: String?, newModel: String?
        /// Changed read fields other than `model_name` (prices in USD per token); empty when the
        /// lab was added or removed.
        public var fields: [FieldChange]
        /// The lab's whole entry after the change; nil when the lab was removed.
        public var newEntry: JSONObject?

        /// The largest relative change among the per-token prices, in percent, with its sign.
        public var largestPriceChange: Double? {
            fields.filter { APIPricingChanges.priceFields.contains($0.field) }.compactMap { change -> Double? in
                guard let a = change.old?.doubleValue, let b = change.new?.doubleValue else { return nil }
                return Format.percentChange(from: a, to: b)
            }.max { abs($0) < abs($1) }
        }
    }

    /// The per-token price fields, in display order.
    static let priceFields = ["input_cost_per_token", "output_cost_per_token",
                              "cache_creation_input_token_cost", "cache_read_input_token_cost"]
    /// Every field the site reads, besides the lab and model name.
    static let readFields = ["litellm_id"] + priceFields + ["context_window", "max_output_tokens"]

    /// Labs whose entry changed, added or removed, by lab.
    public var labs: [Lab]

    init(old: JSONValue?, new: JSONValue?) {
        let before = Self.byLab(old), after = Self.byLab(new)
        labs = Set(before.keys).union(after.keys).sorted().compactMap { lab in
            let a = before[lab], b = after[lab]
            let fields = RecordChanges.fieldChanges(old: a ?? JSONObject(), new: b ?? JSONObject(), only: Self.readFields)
            let oldModel = a?["model_name"]?.stringValue, newModel = b?["model_name"]?.stringValue
            guard oldModel != newModel || !fields.isEmpty || (a == nil) != (b == nil) else { return nil }
            return Lab(lab: lab, oldModel: oldModel, newModel: newModel, fields: a == nil || b == nil ? [] : fields,
                       newEntry: b)
        }
    }

    /// True when no lab's entry changed.
    public var isEmpty: Bool { labs.isEmpty }

    private static func byLab(_ value: JSONValue?) -> [String: JSONObject] {
        var result: [String: JSONObject] = [:]
        for item in value?.arrayValue ?? [] {
            guard let object = item.objectValue, let lab = object["lab"]?.stringValue ?? object["model_name"]?.stringValue
            else { continue }
            result[lab] = object
        }
        return result
    }
}
