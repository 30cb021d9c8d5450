import Publish
import SeekCore
import Testing

/// Sections without a golden file of their own: GPU specs and the node price history.
@Suite struct SectionTests {
    typealias D = DataSets

    @Test func gpuSpecChangesAreListedByField() {
        let old = D.state(["gpu_specs.json": .array([D.gpuSpec("H100", bandwidth: 3.35),
                                                     D.gpuSpec("V100", memory: 16.0, architecture: "Volta")])])
        let new = D.state(["gpu_specs.json": .array([D.gpuSpec("H100", bandwidth: 3.36),
                                                     D.gpuSpec("B300", memory: 288.0, architecture: "Blackwell")])])
        let diff = DataDiff(old: old, new: new)
        #expect(diff.gpuSpecs.added.map(\.key) == ["B300"] && diff.gpuSpecs.removed.map(\.key) == ["V100"])
        #expect(diff.summaryLine == "3 GPU specs changed")
        #expect(diff.body.contains("## GPU specs\n\n**New**\n\n- **B300** — 288.0 GB, Blackwell\n\n**Removed**\n\n- V100"))
        #expect(diff.body.contains("| H100 | memory_bandwidth_tb_s | 3.35 | 3.36 |"))
    }

    @Test func newNodePriceHistoryPointsAreListed() {
        func history(_ dates: [String]) -> DataState {
            D.state(["gpu_price_history.json": .object(["unit": "usd_per_node_hour", "series": .array(dates.map { date in
                .object(["date": .string(date), "prices": .array([.object(["gpu_name": "H100", "usd_per_node_hour": 26.0])])])
            })])])
        }
        let diff = DataDiff(old: history(["2026-08-01"]), new: history(["2026-08-01", "2026-08-22"]))
        #expect(diff.priceHistory.addedPoints.map(\.date) == ["2026-08-22"])
        #expect(diff.body.contains("**Node price history (USD per 8-GPU node-hour)**\n\n- 2026-08-22: H100 $26.00"))
    }
}
