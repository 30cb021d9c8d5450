import Foundation
import Testing
@testable import Sizing

/// Every case of `/work/shared/data/vllm-logs/cases.json` against ``VLLMKVCache`` (issue 8, Tests).
struct VLLMCasesTests {
    /// Cases checked to the token today; the suite fails if fewer pass (a regression) — raise it when more do.
    static let minimumChecked = 27

    /// Checks one case; returns the mismatches (empty = exact).
    static func mismatches(_ c: VLLMCase, arch: KVArchitecture, settings: VLLMSettings) -> [String] {
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

    @Test("every checkable vLLM log case is predicted to the token; the rest are listed with reasons")
    func casesAgreeWithVLLM() throws {
        try #require(VLLMCase.available, "cases.json not found at \(VLLMCase.url.path)")
        let cases = try VLLMCase.all()
        #expect(cases.count == 34)
        var checked: [String] = []
        var notCheckable: [(String, String)] = []
        for c in cases {
            switch c.checkable() {
            case .failure(let reason):
                notCheckable.append((c.id, reason.description))
            case .success(let (arch, settings)):
                let problems = Self.mismatches(c, arch: arch, settings: settings)
                #expect(problems.isEmpty, "\(c.id): \(problems.joined(separator: "; "))")
                if problems.isEmpty { checked.append(c.id) }
            }
        }
        var summary = "vLLM cases: \(checked.count) of \(cases.count) exact; \(notCheckable.count) not checkable:\n"
        for (id, reason) in notCheckable { summary += "  - \(id): \(reason)\n" }
        print(summary)
        #expect(checked.count >= Self.minimumChecked, "\(summary)")
        #expect(checked.count + notCheckable.count <= cases.count)
    }

    @Test("the hybrid layouts the logs name: padding and groups")
    func hybridLayouts() throws {
        try #require(VLLMCase.available)
        let byID = Dictionary(uniqueKeysWithValues: try VLLMCase.all().map { ($0.id, $0) })
        let gemma3 = try #require(byID["planner-gemma3-4b-tp1"]).architecture()
        let grouping = VLLMKVCache.grouping(of: try gemma3.get().layers)
        #expect(grouping.layersPerBlock == 5 && grouping.groups.count == 7 && grouping.paddingLayers == 1)
        let gptOSS = try #require(byID["planner-gpt-oss-20b-tp2"]).architecture()
        let oss = VLLMKVCache.grouping(of: try gptOSS.get().layers)
        #expect(oss.layersPerBlock == 12 && oss.groups.count == 2 && oss.paddingLayers == 0)
    }
}
