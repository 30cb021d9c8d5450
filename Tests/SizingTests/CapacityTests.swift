import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.3 (`calc-capacity.test.ts`, MOE 235B, TP8 EP8 PP1). Reserve values are exact
/// binary fractions, so they are compared exactly.
struct CapacityTests {
    let layout = ParallelLayout(numGPUs: 8, tp: 8, ep: 8, pp: 1)

    @Test("runtime reserve (§4.3)")
    func reserve() {
        #expect(Capacity.runtimeReserveGB(model: moe235, layout: layout) == 6.96875)
        #expect(Capacity.runtimeReserveGB(model: moe235, layout: ParallelLayout(numGPUs: 8, tp: 8, ep: 1, pp: 1)) == 2.96875)
        var noHidden = moe235
        noHidden.hiddenSize = nil
        #expect(Capacity.runtimeReserveGB(model: noHidden, layout: layout) == 0)
        let one = Capacity.runtimeReserveGB(model: moe235, layout: ParallelLayout(numGPUs: 1, tp: 1, ep: 1, pp: 1))
        let eight = Capacity.runtimeReserveGB(model: moe235, layout: ParallelLayout(numGPUs: 8, tp: 1, ep: 1, pp: 1))
        #expect(one == 0.30859375)
        #expect(eight == 8 * one)
        #expect(Capacity.runtimeReserveGB(model: moe235, layout: ParallelLayout(numGPUs: 0, tp: 1, ep: 1, pp: 1)) == 0)
    }

    func streams(input: Double, reuse: PrefixReuse = SizingAssumptions.reference.defaultPrefixReuse,
                 usable: Double = 8 * 141 * 0.9) -> OperatingStreams {
        Capacity.operatingStreams(usableGB: usable, weightsGB: 470, reserveGB: 6.96875,
                                  kvGBPerToken: moe235.kvCacheGBPerToken(), contextTokens: input + 1000, reuse: reuse)
    }

    @Test("operating streams (§4.3)", arguments: [
        (8000.0, 0.25, 0.75, 222, 667), (4000, 0.25, 0.75, 400, 1200), (64000, 0.25, 0.75, 30, 92),
        (8000, 0, 0.9, 166, 1667), (8000, 0, 0, 166, 166),
    ])
    func operatingStreams(input: Double, low: Double, high: Double, expectedLow: Int, expectedHigh: Int) {
        #expect(streams(input: input, reuse: PrefixReuse(low: low, high: high)) == OperatingStreams(low: expectedLow, high: expectedHigh))
    }

    @Test("no KV budget gives {0, 0} (§4.3)")
    func noBudget() {
        #expect(streams(input: 8000, usable: 470 + 6.96875) == OperatingStreams(low: 0, high: 0))
    }
}
