import SeekCore
import Testing
@testable import Sizing

/// reference-site.md §4.2 (`calc-topology.test.ts`, FITS = 160 GB model on 80 GB GPUs).
struct TopologyTests {
    @Test("layouts per tier (§4.2)", arguments: [
        (GPUSpec.InterconnectTier.nvswitch, 8, 8, 1, 8, false),
        (.nvswitch, 3, 3, 1, 3, false),
        (.nvlinkPaired, 8, 2, 4, 8, false),
        (.nvlinkPaired, 1, 1, 1, 1, false),
        (.nvlinkPaired, 5, 2, 2, 4, false),
        (.pcieOnly, 4, 4, 1, 4, true),
        (.pcieOnly, 1, 1, 1, 1, false),
    ])
    func layouts(tier: GPUSpec.InterconnectTier, n: Int, tp: Int, pp: Int, used: Int, slow: Bool) throws {
        let t = try Topology(tier: tier, gpuCount: n, modelSizeGB: 160, vramPerGPUGB: 80)
        #expect(t.tp == tp)
        #expect(t.pp == pp)
        #expect(t.gpusUsed == used)
        #expect(t.tpCrossesSlowLink == slow)
    }

    @Test("feasibility uses raw weights (§4.2)")
    func feasibility() throws {
        #expect(try Topology(tier: .nvswitch, gpuCount: 8, modelSizeGB: 160, vramPerGPUGB: 80).feasible)
        #expect(try Topology(tier: .nvlinkPaired, gpuCount: 8, modelSizeGB: 160, vramPerGPUGB: 80).feasible)
        #expect(try Topology(tier: .pcieOnly, gpuCount: 4, modelSizeGB: 160, vramPerGPUGB: 80).feasible)
        #expect(try !Topology(tier: .nvswitch, gpuCount: 2, modelSizeGB: 200, vramPerGPUGB: 80).feasible)
        #expect(try Topology(tier: .nvswitch, gpuCount: 2, modelSizeGB: 160, vramPerGPUGB: 80).feasible)
    }

    @Test("invalid inputs throw (§4.2)")
    func invalid() {
        #expect(throws: TopologyError.self) { try Topology(tier: .nvswitch, gpuCount: 0, modelSizeGB: 160, vramPerGPUGB: 80) }
        #expect(throws: TopologyError.self) { try Topology(tier: .nvswitch, gpuCount: 2, modelSizeGB: 160, vramPerGPUGB: 0) }
    }
}
