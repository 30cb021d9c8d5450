import Foundation
import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.4 (`calc-decode-latency.test.ts`). The [run] values are printed rounded, so the
/// raw value is compared within half a unit of the last printed digit.
struct DecodeLatencyTests {
    func inputs(tier: GPUSpec.InterconnectTier, tp: Int, pp: Int = 1, moe: Bool = true, context: Double = 0,
                kv: Double = 0, heads: Int? = nil) -> DecodeInputs {
        DecodeInputs(hbmBandwidthTBps: 3.35, linkBandwidthGBps: tier == .pcieOnly ? 64 : 450, tier: tier, layers: 61,
                     hiddenSize: 7168, activeParamsB: 37, bytesPerParam: 1, isMoE: moe, topK: moe ? 8 : nil,
                     numExperts: moe ? 256 : nil, kvBytesPerToken: kv, numKVHeads: heads, tp: tp, pp: pp,
                     contextTokens: context)
    }

    @Test("PCIe is slower than NVSwitch at tp 4 (§4.4)")
    func tiers() {
        let none = DecodeLatency(inputs(tier: .pcieOnly, tp: 4))
        let nvswitch = DecodeLatency(inputs(tier: .nvswitch, tp: 4))
        #expect(approx(none.singleStreamTokS, 110.797, digits: 3))
        #expect(approx(nvswitch.singleStreamTokS, 142.876, digits: 3))
        for d in [none, nvswitch] { #expect(d.singleStreamTokS < d.bandwidthRooflineTokS) }
    }

    @Test("tp 4 NVSwitch breakdown (§4.4)")
    func breakdown() {
        let d = DecodeLatency(inputs(tier: .nvswitch, tp: 4))
        #expect(approx(d.weightRead, 0.0026965, digits: 7))
        #expect(approx(d.tpAllReduce, 0.00030862, digits: 8))
        #expect(approx(d.epAllToAll, 0.00063896, digits: 8))
        #expect(approx(d.launch, 0.003355, digits: 9))
        #expect(approx(d.perTokenS, 0.0069991, digits: 7))
        #expect(approx(d.bandwidthRooflineTokS, 370.854, digits: 3))
    }

    @Test("tp 1 has no collectives (§4.4)")
    func tp1() {
        let d = DecodeLatency(inputs(tier: .nvswitch, tp: 1))
        #expect(d.tpAllReduce == 0 && d.epAllToAll == 0 && d.launch > 0)
        #expect(approx(d.singleStreamTokS, 70.717, digits: 3))
        #expect(approx(d.bandwidthRooflineTokS, 92.714, digits: 3))
    }

    @Test("dense models have no all-to-all (§4.4)")
    func dense() {
        #expect(DecodeLatency(inputs(tier: .nvswitch, tp: 4, moe: false)).epAllToAll == 0)
        #expect(DecodeLatency(inputs(tier: .nvswitch, tp: 4)).epAllToAll > 0)
    }

    @Test("terms sum to perTokenS with pp 2 and context (§4.4)")
    func sums() {
        let d = DecodeLatency(inputs(tier: .pcieOnly, tp: 4, pp: 2, context: 51_000, kv: 249_856, heads: 8))
        let sum = d.weightRead + d.tpAllReduce + d.epAllToAll + d.launch + d.ppSendRecv + d.kvRead
        #expect(abs(sum - d.perTokenS) < 1e-12)
        #expect(d.ppSendRecv > 0)
    }

    @Test("KV read term (§4.4 GQA variant)")
    func kvRead() {
        let kv = 2.0 * 61 * 8 * 128 * 2
        #expect(kv == 249_856)
        #expect(DecodeLatency(inputs(tier: .nvswitch, tp: 4, kv: kv, heads: 8)).kvRead == 0)
        let at51k = DecodeLatency(inputs(tier: .nvswitch, tp: 4, context: 51_000, kv: kv, heads: 8)).kvRead
        #expect(at51k > 0)
        let at25k = DecodeLatency(inputs(tier: .nvswitch, tp: 4, context: 25_000, kv: kv, heads: 8)).kvRead
        let at50k = DecodeLatency(inputs(tier: .nvswitch, tp: 4, context: 50_000, kv: kv, heads: 8)).kvRead
        #expect(abs(at50k - 2 * at25k) < 1e-15)
        #expect(abs(at51k - 249_856 * 51_000 / 4 / (3.35 * pow(1024, 4))) < 1e-15)
    }

    @Test("expected maximum bin load (§2.8)", arguments: [
        (8, 8, 2.43796), (8, 4, 3.27621), (6, 8, 2.00096), (4, 2, 2.546875),
    ])
    func expectedMax(balls: Int, bins: Int, expected: Double) {
        #expect(approx(expectedMaxLoad(balls: balls, bins: bins), expected, digits: 5))
    }

    @Test("E[max] edge cases")
    func expectedMaxEdges() {
        #expect(expectedMaxLoad(balls: 8, bins: 1) == 8)
        #expect(expectedMaxLoad(balls: 0, bins: 8) == 0)
        #expect(expectedMaxLoad(balls: -1, bins: 1) == 0)
    }
}
