import Feeds
import Foundation
import SeekCore
import Testing
import TestSupport

/// The reference's filter and classification rules (`reference-pipeline.md` §2.2), and the
/// deterministic tie-break of decisions 10.
@Suite struct OfferingSelectionTests {
    let configuration = try! PriceFeedConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(PriceFeedConfiguration.fileName))

    func row(_ gpu: String?, _ memory: Double?, _ count: Int, _ price: Double, provider: String = "aws",
             instance: String = "i", location: String = "us", spot: Bool = false, vendor: String? = "nvidia") -> CatalogRow {
        CatalogRow(provider: provider, instanceName: instance, location: location, price: price, gpuCount: count,
                   gpuName: gpu, gpuMemory: memory, spot: spot, gpuVendor: vendor)
    }

    @Test(arguments: [
        ("H100", "p5.48xlarge", "nvlink"),            // NVLink-class GPU, neutral name
        ("H100_PCIe", "NVIDIA H100 PCIe", "pcie"),    // PCIe in the name wins
        ("A100", "a2-ultragpu-8g", "nvlink"),
        ("A100", "NVIDIA A100 80GB PCIe", "pcie"),
        ("L40S", "gpu-l40s-sxm", "nvlink"),           // SXM in the name
        ("RTX4090", "1x RTX 4090", "pcie"),
        ("RTXPRO6000", "hgx-something", "nvlink"),
        ("H200", "h200 nvl", "nvlink"),               // \bnvl
        ("L4", "fooNVLbar", "pcie"),                  // nvl inside a word is no NVLink
        ("GH200", "gh200-480gb", "nvlink"),
    ])
    func interconnectFollowsTheInstanceNameThenTheFormFactor(gpu: String, instance: String, expected: String) {
        #expect(OfferingSelection.interconnect(gpuName: gpu, instanceName: instance,
                                               nvlinkClass: configuration.nvlinkClassGPUs) == expected)
    }

    @Test func filtersKeepOnlyOnDemandNvidiaGPUsWithEnoughMemory() {
        let rows = [
            row("A100", 80, 1, 2.0),
            row("A100", 80, 1, 0.5, spot: true),                 // spot
            row("MI300X", 192, 1, 1.0, vendor: "amd"),           // not nvidia
            row(nil, nil, 0, 0.1, vendor: nil),                  // CPU only
            row("T4", 16, 1, 0.2),                                // excluded
            row("A10", 8, 1, 0.3),                                // under 16 GB
            row("A10", 24, 1, 1.0),
        ]
        let offerings = OfferingSelection.select(rows: rows, configuration: configuration)
        #expect(offerings.map(\.gpuName) == ["A10", "A100"])
        #expect(offerings[1].pricePerHour == 2.0)
    }

    @Test func aPCIeH100IsPublishedAsH100_PCIeButSharesTheReferenceKey() {
        let rows = [row("H100", 80, 8, 30, instance: "NVIDIA H100 PCIe x8"), row("H100", 80, 8, 25, instance: "p5.48xlarge")]
        let offerings = OfferingSelection.select(rows: rows, configuration: configuration)
        #expect(offerings.map(\.gpuName) == ["H100"])  // one slot per (name, memory, count), as the reference
        let pcie = OfferingSelection.select(rows: [rows[0]], configuration: configuration)
        #expect(pcie.map(\.gpuName) == ["H100_PCIe"] && pcie[0].interconnect == "pcie")
    }

    @Test func equalPricesAreBrokenByProviderInstanceAndLocationWhateverTheOrder() {
        let rows = [row("L40S", 48, 1, 1.5, provider: "verda", instance: "b"),
                    row("L40S", 48, 1, 1.5, provider: "runpod", instance: "z"),
                    row("L40S", 48, 1, 1.5, provider: "runpod", instance: "a", location: "eu"),
                    row("L40S", 48, 1, 1.5, provider: "runpod", instance: "a", location: "ca")]
        let first = OfferingSelection.select(rows: rows, configuration: configuration)
        let reversed = OfferingSelection.select(rows: rows.reversed(), configuration: configuration)
        #expect(first == reversed)
        #expect(first.map { "\($0.provider)/\($0.instanceName)/\($0.location)" } == ["runpod/a/ca"])
    }

    @Test func rowsAreSortedByNameCountAndPriceWithTotalMemoryRoundedToOneDecimal() {
        let rows = [row("A100", 80, 2, 4), row("A100", 40, 2, 3), row("A10G", 22.3515625, 3, 1), row("A100", 40, 1, 1.5)]
        let offerings = OfferingSelection.select(rows: rows, configuration: configuration)
        #expect(offerings.map { "\($0.gpuName) \($0.gpuCount) \($0.pricePerHour)" }
                == ["A100 1 1.5", "A100 2 3.0", "A100 2 4.0", "A10G 3 1.0"])  // code-point order: "0" < "G"
        #expect(offerings[3].totalVramGB == 67.1)
    }

    @Test func catalogCSVSkipsMalformedRowsAndNamesMissingColumns() throws {
        let header = "instance_name,location,price,cpu,memory,gpu_count,gpu_name,gpu_memory,spot,disk_size,gpu_vendor,flags,cpu_arch,provider_data\r\n"
        let csv = header
            + "a,us,1.5,0,0.0,1,A100,80.0,False,,nvidia,,x86,{}\r\n"
            + "b,us,oops,0,0.0,1,A100,80.0,False,,nvidia,,x86,{}\r\n"           // bad price
            + "c,us,1.0,0,0.0,1,A100,80.0,False,,nvidia\r\n"                     // too few fields
            + "d,us,2.0,0,0.0,2,A10,24.0,True,,,,x86,\"{\"\"k\"\": \"\"a, b\"\"}\"\r\n"  // empty vendor → nvidia
        let table = try CatalogCSV.parse(Data(csv.utf8), provider: "aws", version: "local", source: "aws.csv")
        #expect(table.rows.count == 3 && table.malformedRows == 1)  // the reader keeps rows of the right width
        let parsed = CatalogRow.rows(of: table)
        #expect(parsed.rows.map(\.instanceName) == ["a", "d"])
        #expect(parsed.malformed == 2)
        #expect(parsed.rows[1].gpuVendor == "nvidia" && parsed.rows[1].spot)
        let error = #expect(throws: FormatChangeError.self) {
            try CatalogCSV.parse(Data("instance_name,location,price\r\nx,y,1\r\n".utf8), provider: "aws", version: "local",
                                 source: "aws.csv")
        }
        #expect(error?.details.contains("gpu_count") == true && error?.details.contains("aws.csv") == true)
    }

    @Test func historyAddsAPointOnlyWhenANodePriceMoves() throws {
        var history = PriceHistory()
        let a = [PriceHistory.NodePrice(gpuName: "H100", usdPerNodeHour: 20)]
        let b = [PriceHistory.NodePrice(gpuName: "H100", usdPerNodeHour: 19.5)]
        #expect(history.record(a, on: try #require(Day(iso: "2026-03-01"))))
        #expect(!history.record(a, on: try #require(Day(iso: "2026-03-02"))))
        #expect(history.record(b, on: try #require(Day(iso: "2026-03-03"))))
        #expect(history.record(a, on: try #require(Day(iso: "2026-03-03"))))  // same day again: replaced, then dropped
        #expect(history.series.map(\.date.iso) == ["2026-03-01"])
        // A date before the last point never rewrites the past (a pinned older catalog, a stale provider).
        #expect(history.record(b, on: try #require(Day(iso: "2026-03-05"))))
        #expect(!history.record(a, on: try #require(Day(iso: "2026-03-04"))))
        #expect(history.series.map(\.date.iso) == ["2026-03-01", "2026-03-05"])
        #expect(PriceSource.date(ofVersion: "20260822-1") == Day(iso: "2026-08-22"))
        #expect(PriceSource.date(ofVersion: "local") == nil)
    }
}
