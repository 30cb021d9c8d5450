import Export
import SeekCore
import Feeds
import Foundation
import Testing

@Suite struct RecordMappingTests {
    @Test func everyCatalogRowOfEveryProviderBecomesARecord() async throws {
        let input = try await ExportFixture.input()
        #expect(input.records.count == 253)  // EXPECTED.md, 20260822-1: all rows, not only the 173 cheapest
        #expect(input.skippedRows == 0)
        #expect(Set(input.records.map(\.provider)) == ["aws", "azure", "verda", "gcp", "lambdalabs", "nebius", "oci",
                                                        "runpod", "cloudrift"])
        #expect(input.records.filter { $0.provider == "runpod" }.count == 133)
        #expect(input.catalogVersions.values.allSatisfy { $0 == "20260822-1" })
        #expect(input.records.allSatisfy { $0.collectedAt == 1_787_356_800 })  // 2026-08-22T00:00:00Z
    }

    @Test func spotRowsFillSpotPriceAndOnDemandRowsPrice() async throws {
        let records = try await ExportFixture.input().records
        let spot = records.filter { $0.raw["spot"] == "True" }
        #expect(spot.count == 25)
        #expect(spot.allSatisfy { $0.price == nil && $0.spotPrice == Double($0.raw["price"] ?? "") })
        let onDemand = records.filter { $0.raw["spot"] == "False" }
        #expect(onDemand.count == 228)
        #expect(onDemand.allSatisfy { $0.spotPrice == nil && $0.price == Double($0.raw["price"] ?? "") })
    }

    @Test func columnsMapToTheirFields() async throws {
        let records = try await ExportFixture.input().records
        let row = try #require(records.first { $0.provider == "runpod" && $0.instanceType == "NVIDIA A100-SXM4-40GB"
                                               && $0.acceleratorCount == 2 })
        #expect(row.region == "ES" && row.acceleratorName == "A100" && row.acceleratorMemGiB == 40 && row.price == 2.0)
        #expect(row.vCPUs == 0 && row.memoryGiB == 0 && row.quantity == nil && row.availability == nil)
        #expect(row.raw["provider_data"] == "{}" && row.raw["cpu_arch"] == "x86")
        let cpuOnly = records.filter { $0.raw["provider_data"]?.contains("cpu-only") == true }
        #expect(cpuOnly.count == 9 && cpuOnly.allSatisfy { $0.acceleratorName == nil && $0.acceleratorMemGiB == nil
                                                           && $0.acceleratorCount == 0 })
    }

    @Test func collectedAtIsThePinnedCatalogVersionsDateNotTheRun() async throws {
        let input = try await ExportFixture.input(version: "20260405-1")
        #expect(input.records.count == 229)
        #expect(input.records.allSatisfy { $0.collectedAt == 1_775_347_200 })  // 2026-04-05T00:00:00Z
        #expect(ExportRecord.collectedAt(version: "local") == nil)
        #expect(ExportRecord.collectedAt(version: "19700102-3") == 86_400)
    }

    @Test func quantityAndAvailabilityComeFromProviderData() throws {
        func row(_ data: String, spot: String = "False") -> RawCatalogRow {
            RawCatalogRow(provider: "verda", catalogVersion: "20260822-1", columns: [
                "instance_name": "1H100", "location": "FIN-01", "price": "2.5", "cpu": "30", "memory": "120.0",
                "gpu_count": "1", "gpu_name": "H100", "gpu_memory": "80.0", "spot": spot, "provider_data": data])
        }
        let full = try #require(ExportRecord(catalogRow: row(#"{"quantity": 4, "availability": "medium"}"#)))
        #expect(full.quantity == 4 && full.availability == .medium && full.vCPUs == 30 && full.memoryGiB == 120)
        let unknown = try #require(ExportRecord(catalogRow: row(#"{"availability": "PLENTY"}"#, spot: "True")))
        #expect(unknown.availability == nil && unknown.quantity == nil && unknown.spotPrice == 2.5 && unknown.price == nil)
        let broken = try #require(ExportRecord(catalogRow: row("not json")))
        #expect(broken.availability == nil)
        var bad = row("{}")
        bad.columns["price"] = "cheap"
        #expect(ExportRecord(catalogRow: bad) == nil)
    }
}
