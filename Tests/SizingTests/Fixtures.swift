import Foundation
import SeekCore
@testable import Sizing

/// Builds a models.json row with only the fields sizing reads.
func model(_ name: String = "M", learnable: Double, active: Double? = nil, arch: String = "MoE", precision: String?,
           attention: String? = "GQA", layers: Int? = nil, hidden: Int? = nil, experts: Int? = nil, topK: Int? = nil,
           kvLayers: Int? = nil, kvHeads: Int? = nil, headDim: Int? = nil, routed: Double? = nil, lora: Int? = nil,
           rope: Int? = nil, kvElems: Int? = nil) -> ModelSpec {
    ModelSpec(modelName: name, learnableParamsB: learnable, activeParamsB: active ?? learnable, architecture: arch,
              contextLength: nil, precision: precision, attentionType: attention, numHiddenLayers: layers,
              hiddenSize: hidden, numExperts: experts, expertsPerToken: topK, numKVLayers: kvLayers,
              numKVHeads: kvHeads, headDim: headDim, routedExpertParamsB: routed, kvLoraRank: lora,
              qkRopeHeadDim: rope, kvElemsPerToken: kvElems, hfModelID: nil, modelURL: nil, licenseName: nil,
              licenseURL: nil)
}

let glm47 = model("GLM-4.7", learnable: 352.8, active: 33.7, precision: "BF16", layers: 92, kvHeads: 8, headDim: 128)
let minimaxM25 = model("MiniMax-M2.5", learnable: 228.7, active: 11.1, precision: "FP8", layers: 62, kvHeads: 8, headDim: 128)
let deepseekV32 = model("DeepSeek-V3.2-Reasoner", learnable: 671.1, active: 37.7, precision: "FP8", attention: "MLA",
                        layers: 61, lora: 512, rope: 64)
let kimiK2 = model("Kimi-K2", learnable: 1026.4, active: 32.9, precision: "INT4", attention: "MLA", layers: 61,
                   routed: 1014.7, lora: 512, rope: 64)
let qwen3Coder = model("Qwen3-Coder-480B", learnable: 480.2, arch: "Dense", precision: "BF16", layers: 62, kvHeads: 8,
                       headDim: 128)
let deepseekV4 = model("DeepSeek-V4-Pro", learnable: 1598.8, active: 50.6, precision: "FP4", attention: "DSV4",
                       routed: 1572.8, kvElems: 4924)
let moe235 = model("MOE", learnable: 235, active: 22, precision: "BF16", layers: 94, hidden: 4096, experts: 128,
                   topK: 8, kvHeads: 8, headDim: 128)
/// MiniMax-M2.5 fully dimensioned as in models.json (§2.22).
let minimaxM25Full = model("MiniMax-M2.5", learnable: 228.7, active: 11.1, precision: "FP8", layers: 62, hidden: 3072,
                           experts: 256, topK: 8, kvHeads: 8, headDim: 128, routed: 224.7)

func spec(_ name: String, memory: Double, tflops: Double, tbps: Double, pcie: Double?, nvlink: Double?,
          arch: String, tier: GPUSpec.InterconnectTier) -> GPUSpec {
    GPUSpec(gpuName: name, memorySizeGB: .double(memory), fp16TFLOPS: .double(tflops),
            memoryBandwidthTBps: .double(tbps), pcieBandwidthGBps: pcie.map { .double($0) },
            nvlinkBandwidthGBps: nvlink.map { .double($0) }, fp8Multiplier: 1, architecture: arch, interconnectTier: tier,
            memoryType: "HBM")
}

let rtxPro6000 = spec("RTXPRO6000", memory: 96, tflops: 126.0, tbps: 1.79, pcie: 64, nvlink: nil, arch: "Blackwell",
                      tier: .pcieOnly)

func offering(_ gpu: String, vram: Double, count: Int, price: Double, interconnect: String = "pcie",
              provider: String = "p") -> Offering {
    Offering(gpuName: gpu, vramGB: vram, gpuCount: count, totalVramGB: vram * Double(count), pricePerHour: price,
             currency: "USD", provider: provider, instanceName: "i", location: "l", interconnect: interconnect)
}

func close(_ a: Double?, _ b: Double, tol: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tol * max(1, abs(b))
}

let h100 = spec("H100", memory: 80, tflops: 267.6, tbps: 3.36, pcie: 64, nvlink: 900, arch: "Hopper", tier: .nvswitch)

/// Whether `a` equals a value the reference prints with `digits` decimals (half-unit tolerance).
func approx(_ a: Double?, _ printed: Double, digits: Int) -> Bool {
    guard let a else { return false }
    return abs(a - printed) <= 0.5 * pow(10, Double(-digits)) + 1e-12
}

let a100 = spec("A100", memory: 80, tflops: 312, tbps: 2.04, pcie: 32, nvlink: 600, arch: "Ampere", tier: .nvswitch)
let b300 = spec("B300", memory: 288, tflops: 2463.6, tbps: 8.2, pcie: 64, nvlink: 1800, arch: "Blackwell", tier: .nvswitch)

func entry(_ model: String, _ category: String, score: Double = 50, cost: Double? = nil,
           openness: String? = "open_weights") -> BenchmarkEntry {
    BenchmarkEntry(modelName: model, benchmarkName: category, benchmarkDisplayName: category, score: score, rank: 1,
                   costPerTask: cost, benchmarkGroup: "openhands", benchmarkGroupDisplay: "OpenHands Index",
                   openness: openness)
}

func sota(_ category: String, _ score: Double, model: String = "S") -> SOTAEntry {
    SOTAEntry(benchmarkName: category, benchmarkDisplayName: category, sotaModelName: model, sotaScore: score)
}
