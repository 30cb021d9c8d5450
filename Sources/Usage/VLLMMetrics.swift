import Foundation

/// One scrape of a vLLM server's Prometheus `/metrics` text: the token counters and gauges seekgpu reads,
/// per served model.
public struct VLLMScrape: Sendable, Hashable {
    /// The node the server runs on.
    public var nodeID: String
    /// When it was scraped, Unix ms.
    public var timestamp: Int64
    /// `model_name` label of the series (empty when unlabelled).
    public var model: String
    /// `vllm:prompt_tokens_total`: prompt tokens processed since the server started.
    public var promptTokensTotal: Double
    /// `vllm:generation_tokens_total`: tokens generated since the server started.
    public var generationTokensTotal: Double
    /// `vllm:num_requests_running`, when exported.
    public var requestsRunning: Double?
    /// KV-cache usage 0…1 (`vllm:kv_cache_usage_perc`, or the older `vllm:gpu_cache_usage_perc`), when exported.
    public var kvCacheUsage: Double?

    public init(nodeID: String, timestamp: Int64, model: String, promptTokensTotal: Double, generationTokensTotal: Double,
                requestsRunning: Double? = nil, kvCacheUsage: Double? = nil) {
        self.nodeID = nodeID
        self.timestamp = timestamp
        self.model = model
        self.promptTokensTotal = promptTokensTotal
        self.generationTokensTotal = generationTokensTotal
        self.requestsRunning = requestsRunning
        self.kvCacheUsage = kvCacheUsage
    }
}

/// Tokens served between two scrapes of the same server and model.
public struct TokenInterval: Sendable, Hashable {
    public var nodeID: String
    public var model: String
    /// The interval, Unix ms: (start, end].
    public var start: Int64
    public var end: Int64
    public var promptTokens: Double
    public var generationTokens: Double
    /// True when a counter dropped: the server restarted inside the interval, and the tokens counted are those
    /// since the restart (what came before it in the interval is unknown).
    public var restarted: Bool
}

/// The pure reader of vLLM's Prometheus text exposition, and the counter deltas between scrapes.
public enum VLLMMetrics {
    /// Parses one scrape.
    /// - Returns: one scrape per `model_name` that has both token counters.
    /// - Throws: ``UnreadableLogError`` when the text has neither counter (not a vLLM `/metrics` page).
    public static func parse(_ text: String, file: String, node: String, at timestamp: Int64) throws(UnreadableLogError) -> [VLLMScrape] {
        var values: [String: [String: Double]] = [:]  // model → metric → value
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw).trimmingSpaces
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let (name, labels, value) = sampleLine(line) else { continue }
            let metric: String
            switch name {
            case "vllm:prompt_tokens_total", "vllm:generation_tokens_total", "vllm:num_requests_running": metric = name
            case "vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc": metric = "kv"
            default: continue
            }
            values[labels["model_name"] ?? "", default: [:]][metric, default: 0] += value
        }
        let scrapes = values.keys.sorted().compactMap { model -> VLLMScrape? in
            let m = values[model] ?? [:]
            guard let prompt = m["vllm:prompt_tokens_total"], let generation = m["vllm:generation_tokens_total"] else { return nil }
            return VLLMScrape(nodeID: node, timestamp: timestamp, model: model, promptTokensTotal: prompt,
                              generationTokensTotal: generation, requestsRunning: m["vllm:num_requests_running"], kvCacheUsage: m["kv"])
        }
        guard !scrapes.isEmpty else {
            throw UnreadableLogError(file: file, reason: "not a vLLM /metrics page: no vllm:prompt_tokens_total and vllm:generation_tokens_total")
        }
        return scrapes
    }

    /// `name{label="v",…} value [timestamp]` → its parts; nil for a line that is not a sample.
    static func sampleLine(_ line: String) -> (String, [String: String], Double)? {
        var labels: [String: String] = [:]
        let name: String
        var rest: Substring
        if let brace = line.firstIndex(of: "{") {
            name = String(line[..<brace])
            guard let close = line.lastIndex(of: "}") else { return nil }
            labels = labelSet(line[line.index(after: brace)..<close])
            rest = line[line.index(after: close)...]
        } else {
            guard let space = line.firstIndex(of: " ") else { return nil }
            name = String(line[..<space])
            rest = line[space...]
        }
        let fields = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = fields.first, let value = Double(first), value.isFinite else { return nil }
        return (name, labels, value)
    }

    /// `a="1",b="x\"y"` → ["a": "1", "b": "x\"y"].
    static func labelSet(_ text: Substring) -> [String: String] {
        var labels: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            guard let eq = text[index...].firstIndex(of: "=") else { break }
            let key = text[index..<eq].trimmingCharacters(in: [" ", ","])
            var cursor = text.index(after: eq)
            guard cursor < text.endIndex, text[cursor] == "\"" else { break }
            cursor = text.index(after: cursor)
            var value = ""
            while cursor < text.endIndex, text[cursor] != "\"" {
                if text[cursor] == "\\", text.index(after: cursor) < text.endIndex {
                    cursor = text.index(after: cursor)
                    value.append(text[cursor] == "n" ? "\n" : text[cursor])
                } else {
                    value.append(text[cursor])
                }
                cursor = text.index(after: cursor)
            }
            labels[key] = value
            index = cursor < text.endIndex ? text.index(after: cursor) : cursor
        }
        return labels
    }

    /// The tokens of each interval between consecutive scrapes of the same node and model, in time order. A
    /// counter below its previous value is a restart: the interval counts the new value (tokens since the restart).
    public static func intervals(_ scrapes: [VLLMScrape]) -> [TokenInterval] {
        let series = Dictionary(grouping: scrapes) { "\($0.nodeID)\u{1F}\($0.model)" }
        return series.keys.sorted().flatMap { key -> [TokenInterval] in
            let ordered = (series[key] ?? []).sorted { $0.timestamp < $1.timestamp }
            return zip(ordered, ordered.dropFirst()).map { before, after in
                let reset = after.promptTokensTotal < before.promptTokensTotal || after.generationTokensTotal < before.generationTokensTotal
                return TokenInterval(nodeID: after.nodeID, model: after.model, start: before.timestamp, end: after.timestamp,
                                     promptTokens: reset ? after.promptTokensTotal : after.promptTokensTotal - before.promptTokensTotal,
                                     generationTokens: reset ? after.generationTokensTotal
                                         : after.generationTokensTotal - before.generationTokensTotal,
                                     restarted: reset)
            }
        }
    }

    /// `node-3@2026-12-07T10:00:00Z.prom` → (`node-3`, its time), or nil when the name is not in that form.
    public static func nodeAndTime(fromFileName path: String) -> (node: String, timestamp: Int64)? {
        var base = path.split(separator: "/").last.map(String.init) ?? path
        if base.hasSuffix(".prom") { base.removeLast(5) }
        guard let at = base.firstIndex(of: "@") else { return nil }
        let node = String(base[..<at])
        guard !node.isEmpty, let time = UsageTimestamp.milliseconds(String(base[base.index(after: at)...])) else { return nil }
        return (node, time)
    }
}
