import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.1 (`calculations.test.ts`): precision buckets, weight memory, fit rule.
struct WeightMemoryTests {
    @Test("GLM-4.7 weight memory at every precision (§4.1)", arguments: [
        (ServingPrecision.fp32, 1411.2), (.fp16, 705.6), (.bf16, 705.6), (.fp8, 352.8), (.int8, 352.8), (.int4, 198.45),
    ])
    func glmAtEveryPrecision(precision: ServingPrecision, expected: Double) {
        #expect(close(glm47.weightMemoryGB(at: precision), expected))
    }

    @Test("native and mixed-precision weight memory (§4.1)")
    func mixedPrecision() {
        #expect(close(deepseekV32.weightMemoryGB(at: .fp8), 671.1))
        // The reference prints 594.169 (toBeCloseTo, 3 dp); the raw value is 570.76875 + 23.4.
        #expect(abs(kimiK2.weightMemoryGB(at: .int4) - 594.169) < 0.0005)
        #expect(close(kimiK2.weightMemoryGB(at: .int4), 594.16875))
        #expect(close(kimiK2.weightMemoryGB(at: .fp16), 2052.8))
        #expect(close(deepseekV4.weightMemoryGB(at: .int4), 910.7))
        var int4V4 = deepseekV4
        int4V4.precision = "INT4"
        #expect(close(int4V4.weightMemoryGB(), 936.7))
    }

    @Test("active weight memory (§4.1)")
    func activeMemory() {
        #expect(close(glm47.activeWeightMemoryGB(at: .bf16), 67.4))
        #expect(close(deepseekV32.activeWeightMemoryGB(at: .fp8), 37.7))
        #expect(close(kimiK2.activeWeightMemoryGB(at: .int4), 35.325))
        #expect(kimiK2.weightMemoryGB() / kimiK2.activeWeightMemoryGB() > 10)
        #expect(close(deepseekV4.activeWeightMemoryGB(at: .int4), 39.8375))
        let dense = model(learnable: 70, arch: "Dense", precision: "FP16")
        #expect(close(dense.activeWeightMemoryGB(), 140))
        #expect(dense.activeWeightMemoryGB() == dense.weightMemoryGB())
    }

    @Test("precision strings bucket as the reference does (§2.2, §4.1)", arguments: [
        ("FP8", ServingPrecision.fp8), ("BF16", .bf16), ("MXFP8", .fp8), ("INT4", .int4), ("INT4-mixed", .int4),
        ("WEIRD", .fp16), ("FLOAT4", .int4), ("FP4", .int4), ("FLOAT8", .fp8), (" fp16 ", .fp16), ("FP32", .fp32),
        ("INT8", .int8),
    ])
    func precisionBuckets(raw: String, expected: ServingPrecision) {
        #expect(ServingPrecision(raw: raw) == expected)
    }

    @Test("nil precision falls back to fp16")
    func nilPrecision() {
        #expect(ServingPrecision(raw: nil) == .fp16)
    }

    @Test("gpusNeeded rounds up (§4.1)", arguments: [
        (80.0, 1), (81.0, 2), (640.0, 8), (641.0, 9), (352.8 * 2 * 1.15, 11),
    ])
    func gpusNeeded(memory: Double, expected: Int) {
        #expect(Fit.gpusNeeded(memoryGB: memory, vramPerGPUGB: 80) == expected)
    }

    @Test("weight overhead factor and MiniMax-M2.5 at fp16 on 80 GB (§4.1, §4.5)")
    func overheadAndFit() {
        #expect(SizingAssumptions.reference.weightOverheadFactor == 1.15)
        let fp16 = minimaxM25.weightMemoryGB(at: .fp16)
        #expect(close(fp16, 457.4))
        #expect(Fit.gpusNeeded(memoryGB: fp16, vramPerGPUGB: 80) == 6)
        #expect(Fit.gpusNeeded(memoryGB: fp16 * 1.15, vramPerGPUGB: 80) == 7)
        #expect(glm47.minVRAMGB() == 812)
        #expect(minimaxM25.minVRAMGB() == 264)
        #expect(!glm47.fits(gpuCount: 2, vramPerGPUGB: 80))
        #expect(!minimaxM25.fits(gpuCount: 2, vramPerGPUGB: 80))
        #expect(glm47.fits(gpuCount: 12, vramPerGPUGB: 80))
    }
}
