import SeekCore

import Foundation

/// How the vLLM KV model agrees with each public start-up log (the Methodology page's table).
public enum VLLMAgreement {
    /// One row: the case, what vLLM reported, what the model predicts, and whether they agree.
    public struct Row: Sendable, Hashable {
        public var id: String
        public var model: String
        public var parallelism: String
        public var reportedTokens: Int?
        public var predictedTokens: ClosedRange<Int>?
        public var reportedConcurrency: String?
        public var predictedConcurrency: String?
        /// nil = exact; else the mismatch or why the case cannot be checked.
        public var problem: String?
        public var checkable: Bool
        /// Weights and available KV memory predicted from the model's config alone, when the log prints the
        /// available memory and utilization and the model's config is at hand.
        public var memory: VLLMMemoryCheck?
    }

    /// A row per case, with the memory check of every case whose model is in `models`.
    ///
    /// - Parameters:
    ///   - cases: The logs, in file order.
    ///   - models: Facts by Hugging Face model id.
    ///   - datasheetGB: Datasheet memory by gpuhunt GPU name.
    public static func rows(_ cases: [VLLMLogCase], models: [String: ServingCheckpoint],
                            datasheetGB: (String) -> Double?) -> [Row] {
        zip(cases, rows(cases)).map { c, row in
            var row = row
            if let facts = models[c.modelID] {
                row.memory = c.memoryCheck(facts, datasheetGB: datasheetGB)
            }
            return row
        }
    }

    /// A row per case, in file order.
    public static func rows(_ cases: [VLLMLogCase]) -> [Row] {
        cases.map { c in
            var row = Row(id: c.id, model: c.modelID, parallelism: "TP \(c.tensorParallel) · PP \(c.pipelineParallel)",
                          reportedTokens: c.tokens ?? c.blocks, predictedTokens: nil, reportedConcurrency: c.concurrency,
                          predictedConcurrency: nil, problem: nil, checkable: false)
            switch c.checkable() {
            case .failure(let reason):
                row.problem = reason.description
            case .success(let (arch, settings)):
                row.checkable = true
                if let available = c.availableGiB {
                    let interval = VLLMKVCache.capacityInterval(arch: arch, settings: settings, availableGiB: available, rules: c.rules)
                    row.predictedTokens = c.rules.reportedFigure == .blocks ? interval.blocks : interval.tokens
                    let low = String(format: "%.2f", interval.low.maxConcurrency)
                    let high = String(format: "%.2f", interval.high.maxConcurrency)
                    row.predictedConcurrency = low == high ? low : "\(low)–\(high)"
                }
                let problems = mismatches(c, arch: arch, settings: settings)
                row.problem = problems.isEmpty ? nil : problems.joined(separator: "; ")
            }
            return row
        }
    }

    /// Checks one case; returns the mismatches (empty = exact).
    public static func mismatches(_ c: VLLMLogCase, arch: KVArchitecture, settings: VLLMSettings) -> [String] {
        guard let available = c.availableGiB, let printed = c.concurrency else { return ["incomplete"] }
        let rules = c.rules
        let interval = VLLMKVCache.capacityInterval(arch: arch, settings: settings, availableGiB: available, rules: rules)
        var problems: [String] = []
        if rules.reportedFigure == .blocks {
            if let blocks = c.blocks, !interval.blocks.contains(blocks) {
                problems.append("# GPU blocks \(blocks) outside predicted \(interval.blocks)")
            }
        } else {
            if let tokens = c.tokens, !interval.tokens.contains(tokens) {
                problems.append("tokens \(tokens) outside predicted \(interval.tokens)")
            }
            if let blocks = c.blocks, !interval.blocks.contains(blocks) {
                problems.append("num_gpu_blocks \(blocks) outside predicted \(interval.blocks)")
            }
        }
        // Concurrency to two decimals: from the logged block count when known (uniform v1: tokens / block_size),
        // else anywhere between the two ends of the interval.
        let grouping = VLLMKVCache.grouping(of: arch.layers, rules: rules)
        let knownBlocks = c.blocks ?? (grouping.isUniform && rules.reportedFigure == .tokensFromBlocks
                                       ? c.tokens.map { $0 / settings.blockSize } : nil)
        let two = { (x: Double) in String(format: "%.2f", x) }
        if let knownBlocks {
            let predicted = VLLMKVCache.maxConcurrency(numBlocks: knownBlocks, blocksPerRequest: interval.low.blocksPerRequest,
                                                       settings: settings, rules: rules)
            if two(predicted) != printed { problems.append("concurrency \(printed) ≠ predicted \(two(predicted))") }
        } else if let value = Double(printed),
                  !(Double(two(interval.low.maxConcurrency)) ?? 0 <= value && value <= Double(two(interval.high.maxConcurrency)) ?? 0) {
            problems.append("concurrency \(printed) outside \(two(interval.low.maxConcurrency))…\(two(interval.high.maxConcurrency))")
        }
        let loggedPadding = c.paddingWarning.flatMap { w in
            w.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        } ?? 0
        if loggedPadding != interval.low.paddingLayers {
            problems.append("padding layers \(interval.low.paddingLayers) ≠ logged \(loggedPadding)")
        }
        return problems
    }
}
