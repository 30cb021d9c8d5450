import Feeds
import Foundation
import SeekCore
import TestSupport
import Testing
@testable import Sizing

/// Available KV memory predicted from each logged model's full config alone, against the printed
/// "Available KV cache memory", on every public log that prints weights, available KV and utilization.
struct VLLMMemoryTests {
    static func datasheets() throws -> [String: Double] {
        let sheets = try GPUDatasheets.load(configDirectory: Fixtures.configDirectory)
        return Dictionary(sheets.specs().map { ($0.gpuName, $0.memorySizeGB.doubleValue) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("available KV within max(1 GiB, 5 %) of the printed value on every log with weights, KV and utilization")
    func availableKVWithinTolerance() throws {
        try #require(VLLMCase.available)
        let registry = try ModelArchitectures.load(configDirectory: Fixtures.configDirectory)
        let memory = try Self.datasheets()
        var lines: [String] = []
        var checked = 0
        for c in try VLLMCase.all() where c.weightsGiB != nil && c.availableGiB != nil && c.gpuMemoryUtilization != nil {
            guard let config = try Fixtures.vllmLogConfig(of: c.modelID) else { lines.append("\(c.id): NO CONFIG"); continue }
            let checkpoint = try ServingCheckpoint(config: config, architectures: registry)
            let check = try #require(c.memoryCheck(checkpoint, datasheetGB: { memory[$0] }), "\(c.id)")
            let terms = check.plan.terms.map { String(format: "%@ %.2f", $0.name, $0.gib) }.joined(separator: ", ")
            lines.append(String(format: "%@ [%@]: available %.2f vs %.2f (%+.2f GiB, tol %.2f); reserve %.2f (%@)", c.id,
                                check.plan.release.name, check.plan.availableKVGiB, check.reportedAvailableGiB,
                                check.availableErrorGiB, check.toleranceGiB, check.plan.reserveGiB, terms))
            #expect(check.availableAgrees, "\(c.id): \(check.plan.availableKVGiB) vs \(check.reportedAvailableGiB)")
            #expect(check.weightsAgree, "\(c.id): weights \(check.plan.weightsGiB) vs \(check.reportedWeightsGiB ?? 0)")
            checked += 1
        }
        print("vLLM available KV, \(checked) logs:\n" + lines.map { "  \($0)" }.joined(separator: "\n"))
        #expect(checked >= 23)
    }
}
