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
        #expect(checked >= 28)
    }

    @Test("release ranges split where the sampler kernel changed: 0.11.0 | 0.11.1 (PR #26859), 0.16 | 0.17 (PR #33538)")
    func releaseRanges() {
        #expect(VLLMRelease.named("0.9.2") == .v0_9 && VLLMRelease.named("0.11.0") == .v0_9 && VLLMRelease.named("0.11") == .v0_9)
        #expect(VLLMRelease.named("0.11.1") == .v0_11_1 && VLLMRelease.named("0.16.2") == .v0_11_1)
        #expect(VLLMRelease.named("0.17.0") == .v0_17 && VLLMRelease.named("0.19.1") == .v0_17)
        #expect(VLLMRelease.named("0.20.0") == nil && VLLMRelease.named("latest") == nil)
        #expect(VLLMRelease.named("V0 engine (exact version not shown)") == .v0)
        #expect(VLLMRelease.all.map(\.sampler) == [.v0Logits, .pytorchSort, .pytorchSort, .triton])
    }

    @Test("the sampler term is rows × vocabulary × the kernel's bytes per logit; a chosen kernel replaces the release's")
    func samplerKernelSetsTheSamplerTerm() throws {
        let shape = ServingShape(hidden: 4096, intermediate: 14336, vocab: 128_256)
        let settings = VLLMMemory.Settings(maxNumBatchedTokens: 8192, maxNumSeqs: 1024, utilization: 0.9)
        func sampler(_ plan: VLLMMemory.Plan) -> Double { plan.terms.first { $0.name == "sampler" }?.gib ?? -1 }
        let triton = VLLMMemory.plan(weightsBytes: 0, shape: shape, totalGiB: 79.19, settings: settings)
        #expect(triton.sampler == .triton)
        #expect(abs(sampler(triton) - 1024 * 128_256 * 14.45 / 1_073_741_824) < 1e-9)
        var flash = settings
        flash.sampler = .flashInfer
        let chosen = VLLMMemory.plan(weightsBytes: 0, shape: shape, totalGiB: 79.19, settings: flash, release: .v0_9)
        #expect(chosen.sampler == .flashInfer && abs(sampler(chosen) - 1024 * 128_256 * 10 / 1_073_741_824) < 1e-9)
        // Mistral-Small's widths: the forward pass (8192 tokens × (3·32768 + 3·5120) × 2 B = 1.73 GiB) passes
        // FlashInfer's 1.25 GiB and sets the peak, so activations count what exceeds the sampler.
        let wide = VLLMMemory.plan(weightsBytes: 0, shape: ServingShape(hidden: 5120, intermediate: 32768, vocab: 131_072),
                                   totalGiB: 79.19, settings: flash, release: .v0_9)
        let activations = wide.terms.first { $0.name == "activations" }?.gib ?? 0
        #expect(activations > 0.4)
        #expect(abs(sampler(wide) + activations - 8192 * (3.0 * 32768 + 3 * 5120) * 2 / 1_073_741_824) < 1e-9)
        let sort = VLLMMemory.plan(weightsBytes: 0, shape: shape, totalGiB: 79.19, settings: settings, release: .v0_9)
        #expect(sort.sampler == .pytorchSort && sort.availableKVGiB < chosen.availableKVGiB - 2)
    }

    @Test("every term a plan can list is documented in VLLMMemory.termNotes (the Methodology page's list)")
    func everyTermIsDocumented() {
        let shape = ServingShape(hidden: 2048, intermediate: 0, vocab: 163_840, expertsPerToken: 6, expertWidth: 1408,
                                 hasVision: true)
        let plan = VLLMMemory.plan(weightsBytes: 0, shape: shape, totalGiB: 79.19,
                                   settings: VLLMMemory.Settings(tensorParallel: 2, maxNumBatchedTokens: 8192, maxNumSeqs: 1024,
                                                                 utilization: 0.9))
        let documented = Set(VLLMMemory.termNotes.map(\.name))
        #expect(plan.terms.count == 6)
        for term in plan.terms { #expect(documented.contains(term.name), "\(term.name)") }
    }
}
