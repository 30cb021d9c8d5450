import Foundation
import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.5 (`calcDeploymentEstimate`) and the §2.22 worked chain. [run] values are compared
/// within half a unit of their last printed digit.
struct DeploymentEstimateTests {
    let eightK = ServingSettings(avgInputTokens: 8000, avgOutputTokens: 1000)

    @Test("MOE 235B on 8× H100 at 8k/1k (§4.5)")
    func moeOnH100() throws {
        let e = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: eightK))
        #expect(e.interconnectTier == .nvswitch && e.moe && e.avgInputTokens == 8000 && e.avgOutputTokens == 1000)
        #expect(e.operatingStreams.low == 30)
        #expect(approx(e.singleStreamTokS, 120.335, digits: 3))
        #expect(approx(e.aggregateTokS, 18_767.13, digits: 2))
        #expect(approx(e.prefillComputeTokS, 48_654.55, digits: 2))
        #expect(try #require(e.aggregateTokS) <= 8 * 267.6e12 / (2 * 22e9))
        #expect(try #require(e.aggregateTokS) > e.singleStreamTokS ?? 0)
        #expect(approx(e.requestsPerHour(), 51_629.85, digits: 2))
        #expect(try #require(e.requestsPerHour()) > Double(e.operatingStreams.low) * (e.singleStreamTokS ?? 0) / 1000 * 3600)
    }

    @Test("seekgpu's assumptions budget the KV cache with vLLM's memory accounting, per GPU as vLLM sees it")
    func vllmMemoryBudget() throws {
        let e = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: eightK,
                                                assumptions: .seekgpu))
        let plan = try #require(e.memoryPlan)
        #expect(plan.totalGiB == 79.19 && plan.release == .newest)
        #expect(plan.requestedGiB == 79.19 * 0.9)
        let gpus = Double(e.topology.gpusUsed)
        #expect(e.reserveGB == gpus * plan.reserveGiB)
        #expect(plan.terms.map(\.name) == ["non-torch", "sampler", "activations", "MoE workspace", "tensor parallel"])
        let perToken = moe235.kvCacheGBPerToken(kvBytes: 2)
        #expect(e.operatingStreams.low == Int((gpus * plan.availableKVGiB / (9000 * perToken)).rounded(.down)))
        let reference = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80,
                                                        settings: eightK))
        #expect(reference.memoryPlan == nil)
        #expect(e.operatingStreams.low < reference.operatingStreams.low)
    }

    @Test("KV auto on H100 admits more streams (§4.5)")
    func kvAuto() throws {
        var settings = eightK
        settings.kvCachePrecision = .auto
        let e = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: settings))
        #expect(e.operatingStreams.low == 61)
        #expect(approx(e.aggregateTokS, 38_159.8, digits: 1))
        #expect(approx(e.singleStreamTokS, 121.19, digits: 2))
    }

    @Test("default 50k/1k on 8× H100 (§4.5)")
    func defaults() throws {
        let e = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 8, vramPerGPUGB: 80))
        #expect(e.operatingStreams.low == 5)
        #expect(approx(e.singleStreamTokS, 112.90, digits: 2))
        #expect(approx(e.aggregateTokS, 3_127.85, digits: 2))
    }

    @Test("infeasible, unknown GPU and too-small layouts (§4.5)")
    func nullCases() throws {
        #expect(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 1, vramPerGPUGB: 80, settings: eightK) == nil)
        #expect(DeploymentEstimate(model: moe235, spec: nil, gpuCount: 8, vramPerGPUGB: 80, settings: eightK) == nil)
        let six = try #require(DeploymentEstimate(model: moe235, spec: h100, gpuCount: 6, vramPerGPUGB: 80, settings: eightK))
        #expect(six.operatingStreams.low == 0)
        #expect(six.aggregateTokS == 0)
        #expect(six.requestsPerHour() == nil)
        let dense = model(learnable: 22, arch: "Dense", precision: "BF16", layers: 40, hidden: 4096, kvHeads: 8, headDim: 128)
        #expect(DeploymentEstimate(model: dense, spec: h100, gpuCount: 2, vramPerGPUGB: 80, settings: eightK)?.moe == false)
    }

    @Test("unmodeled architectures get streams but no throughput (§4.5)")
    func unmodeled() throws {
        var noHidden = moe235
        noHidden.hiddenSize = nil
        let a = try #require(DeploymentEstimate(model: noHidden, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: eightK))
        #expect(a.operatingStreams.low >= 1 && a.singleStreamTokS == nil && a.aggregateTokS == nil)
        #expect(a.throughputState == .dataIncomplete)
        let hybrid = model(learnable: 30, active: 3, precision: "BF16", layers: 48, hidden: 2048, experts: 128, topK: 8,
                           kvLayers: 12, kvHeads: 2, headDim: 128)
        let b = try #require(DeploymentEstimate(model: hybrid, spec: h100, gpuCount: 8, vramPerGPUGB: 80, settings: eightK))
        #expect(b.operatingStreams.low >= 1 && b.singleStreamTokS == nil && b.throughputState == .unsupportedArch)
    }

    @Test("worked chain: MiniMax-M2.5 on 8× RTXPRO6000, defaults (§2.22)")
    func workedChain() throws {
        let m = minimaxM25Full
        let topology = try Topology(tier: rtxPro6000.interconnectTier, gpuCount: 8, modelSizeGB: m.weightMemoryGB(),
                                    vramPerGPUGB: 96)
        #expect(topology.tp == 8 && topology.pp == 1 && topology.gpusUsed == 8 && topology.feasible)
        #expect(close(m.weightMemoryGB(), 228.7))
        let reserve = Capacity.runtimeReserveGB(model: m, layout: ParallelLayout(topology: topology, isMoE: true))
        let perGPU: Double = 100_663_296 + 97_517_568 + 50_331_648 + 402_653_184
        #expect(reserve == perGPU * 8 / 1_073_741_824)
        #expect(reserve == 4.8515625)
        #expect(m.kvCacheBytesPerToken() == 253_952)
        #expect(approx(51_000 * m.kvCacheGBPerToken(), 12.062, digits: 3))
        #expect(approx(8 * 96 * 0.9 - 228.7 - reserve, 457.648, digits: 3))
        let e = try #require(DeploymentEstimate(model: m, spec: rtxPro6000, gpuCount: 8, vramPerGPUGB: 96))
        #expect(e.operatingStreams == OperatingStreams(low: 37, high: 37))
        let d = try #require(e.decode)
        #expect(approx(d.weightRead, 0.0014455575, digits: 10))
        #expect(approx(d.tpAllReduce, 0.0009410865, digits: 10))
        #expect(approx(d.epAllToAll, 0.0019486917, digits: 10))
        #expect(approx(d.launch, 0.00341, digits: 12))
        #expect(approx(d.kvRead, 0.0008225816, digits: 10))
        #expect(d.ppSendRecv == 0)
        #expect(approx(d.perTokenS, 0.0085679173, digits: 10))
        #expect(approx(e.singleStreamTokS, 116.71, digits: 2))
        #expect(approx(d.bandwidthRooflineTokS, 1321.05, digits: 2))
        #expect(approx(e.prefillComputeTokS, 45_405.4, digits: 1))
        #expect(e.aggregateTokS == e.prefillComputeTokS)
        #expect(approx(e.requestsPerHour(), 27_243.2, digits: 1))
        #expect(e.teamSize() == 136)
        let perMonth = try #require(e.maxRequestsPerMonth())
        let perHour = try #require(e.requestsPerHour())
        #expect(abs(perMonth - perHour * 720) < 1e-6)
    }
}
