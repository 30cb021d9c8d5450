import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.1 (`calcKvCachePerToken`, `resolveKvPrecisionBytes`).
struct KVCacheTests {
    @Test("KV bytes per token for MLA, GQA and DSV4 (§4.1)")
    func bytesPerToken() {
        #expect(deepseekV32.kvCacheBytesPerToken() == 70_272)
        #expect(glm47.kvCacheBytesPerToken() == 376_832)
        let ratio = glm47.kvCacheBytesPerToken() / deepseekV32.kvCacheBytesPerToken()
        #expect(ratio > 4 && ratio < 7)
        #expect(qwen3Coder.kvCacheBytesPerToken() == 253_952)
        #expect(deepseekV4.kvCacheBytesPerToken() == 9_848)
        #expect(deepseekV4.kvCacheBytesPerToken() < deepseekV32.kvCacheBytesPerToken() / 5)
        #expect(kimiK2.kvCacheBytesPerToken() == deepseekV32.kvCacheBytesPerToken())
        #expect(deepseekV32.kvCacheGBPerToken() == 70_272.0 / 1_073_741_824.0)
    }

    @Test("1-byte KV is exactly half of 2-byte", arguments: [deepseekV32, glm47, deepseekV4])
    func oneByteIsHalf(model: ModelSpec) {
        #expect(model.kvCacheBytesPerToken(kvBytes: 1) * 2 == model.kvCacheBytesPerToken(kvBytes: 2))
    }

    @Test("missing fields or unknown attention give 0 (§4.1)")
    func zeroCases() {
        var v4 = deepseekV4
        v4.kvElemsPerToken = nil
        var unknown = glm47
        unknown.attentionType = "Linear"
        var noLora = deepseekV32
        noLora.kvLoraRank = nil
        var noHeads = glm47
        noHeads.numKVHeads = nil
        for m in [v4, unknown, noLora, noHeads] { #expect(m.kvCacheBytesPerToken() == 0) }
    }

    @Test("hybrids count only KV layers (§2.4)")
    func hybridKVLayers() {
        let hybrid = model(learnable: 30, precision: "BF16", layers: 48, kvLayers: 12, kvHeads: 2, headDim: 128)
        #expect(hybrid.kvCacheBytesPerToken() == 2 * 12 * 2 * 128 * 2)
        let msa = model(learnable: 400, precision: "BF16", attention: "MSA", layers: 60, kvElems: 68_736)
        #expect(msa.kvCacheBytesPerToken() == 137_472)
    }

    @Test("KV precision bytes per GPU architecture (§4.1)", arguments: [
        (KVCachePrecision.fp16, Optional("Hopper"), 2.0), (.fp16, nil, 2), (.fp8, "Ampere", 1), (.fp8, nil, 1),
        (.auto, "Hopper", 1), (.auto, "Blackwell", 1), (.auto, "Ada Lovelace", 1), (.auto, "Ampere", 2),
        (.auto, "Volta", 2), (.auto, nil, 2),
    ])
    func kvPrecision(setting: KVCachePrecision, architecture: String?, expected: Double) {
        #expect(setting.bytesPerElement(architecture: architecture) == expected)
    }

    @Test("throughput state gating (§2.9, §4.8)")
    func throughputGating() {
        #expect(moe235.throughputState == .modeled)
        let hybrid = model(learnable: 30, precision: "BF16", layers: 48, hidden: 2048, kvLayers: 12, kvHeads: 2, headDim: 128)
        #expect(hybrid.throughputState == .unsupportedArch)
        var notHybrid = hybrid
        notHybrid.numKVLayers = 48
        #expect(notHybrid.throughputState == .modeled)
        #expect(deepseekV4.throughputState == .unsupportedArch)
        #expect(glm47.throughputState == .dataIncomplete)
        var hybridNoHidden = hybrid
        hybridNoHidden.hiddenSize = nil
        #expect(hybridNoHidden.throughputState == .unsupportedArch)
    }
}
