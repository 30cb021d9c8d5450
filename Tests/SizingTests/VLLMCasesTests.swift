import Foundation
import Testing
@testable import Sizing

/// Every case of `/work/shared/data/vllm-logs/cases.json` against ``VLLMKVCache`` (issue 8, Tests).
struct VLLMCasesTests {
    /// Cases checked to the token today; the suite fails if fewer pass (a regression) — raise it when more do.
    static let minimumChecked = 27

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
                let problems = VLLMAgreement.mismatches(c, arch: arch, settings: settings)
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
