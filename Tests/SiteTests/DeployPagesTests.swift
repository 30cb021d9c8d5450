import Deploy
import Foundation
import SeekCore
@testable import Site
import Sizing
import Testing
import TestSupport

/// The Deploy pages and recipe files of every sized setup, on the reference implementation's published data.
@Suite struct DeployPagesTests {
    static func content() throws -> SiteContent {
        var content = try ReferenceContent.load(assumptions: .seekgpu)
        content.servingTable = try ServingTable.load(configDirectory: Fixtures.configDirectory)
        return content
    }

    @Test func everySetupOfAModelPageHasADeployPageAndItsFiles() throws {
        let content = try Self.content()
        let files = SiteWriter.files(content, scenarios: [])
        let paths = Set(files.map(\.path))
        let search = try #require(content.search)
        let table = try #require(content.servingTable)
        var setups = 0
        for model in content.models where model.hfModelID != nil {
            guard let slug = ModelPage.slug(of: model.modelName) else { continue }
            let page = try #require(files.first { $0.path == "models/\(slug)/index.html" })
            for setup in search.setups(for: model, concurrency: 1, limit: Int.max) {
                setups += 1
                let spec = try #require(DeploySpec(model: model, setup: setup, offerings: content.offerings,
                                                   settings: search.settings, table: table))
                let directory = "deploy/\(slug)/\(spec.setupSlug)/"
                for name in ["index.html"] + RecipeFiles.names {
                    #expect(paths.contains(directory + name), "\(directory)\(name)")
                }
                #expect(page.contents.contains("href=\"../../\(directory)\""), "\(model.modelName) links \(directory)")
            }
        }
        #expect(setups > 50)
        // The Fit and Scale cells of the Performance page link their setups' Deploy pages.
        let index = try #require(files.first { $0.path == "index.html" })
        #expect(index.contents.contains("<a href=\"deploy/GLM-5.1/8x-b300-268gb/\" class=\"deploy\">Deploy</a>"))
        #expect(!paths.contains { $0.contains("-80gb-80gb") }, "a board named by its memory is not named twice")
    }

    @Test func aSixteenBitModelHasSetupsAndDeployPagesPerPrecision() throws {
        let content = try Self.content()
        let files = SiteWriter.files(content, scenarios: [])
        let model = try #require(content.models.first { $0.precision == "BF16" && $0.hfModelID != nil && ModelPage.slug(of: $0.modelName) != nil })
        let slug = try #require(ModelPage.slug(of: model.modelName))
        let page = try #require(files.first { $0.path == "models/\(slug)/index.html" })
        #expect(page.contents.contains("With FP8 weights") && page.contents.contains("With INT4 weights"))
        let fp8 = files.filter { $0.path.hasPrefix("deploy/\(slug)/") && $0.path.hasSuffix("-fp8/seekgpu.yaml") }
        #expect(!fp8.isEmpty)
        let architectures = Dictionary(content.specs.map { ($0.gpuName, $0.architecture) }, uniquingKeysWith: { a, _ in a })
        for file in fp8 {
            let spec = try DeploySpec.parse(yaml: file.contents, path: file.path)
            #expect(spec.precision == .fp8)
            let gpu = try #require(content.servingTable?.gpuhuntName(ofAccelerator: spec.accelerator)?.gpuName ?? Optional(spec.accelerator))
            #expect(["Ada Lovelace", "Hopper", "Blackwell"].contains(architectures[gpu] ?? ""), "\(file.path) on \(gpu)")
            #expect(page.contents.contains("href=\"../../\(file.path.dropLast("seekgpu.yaml".count))\""))
        }
        let quantized = try #require(content.models.first { $0.precision == "INT4-mixed" || $0.precision == "FP8" })
        #expect(quantized.served(as: .fp8) == nil && quantized.served(as: .int4) == nil)
        // A Budget configuration that serves a model links its Deploy page.
        #expect(files.contains { $0.path.hasPrefix("budget/") && $0.contents.contains("class=\"deploy\">Deploy</a>") })
    }

    @Test func aDeployPageShowsTheCommandAndReadsBack() throws {
        let content = try Self.content()
        let files = SiteWriter.files(content, scenarios: [])
        let page = try #require(files.first { $0.path.hasPrefix("deploy/Kimi-K2.6/8x-rtxpro6000-") && $0.path.hasSuffix("index.html") })
        #expect(page.contents.contains("<pre class=\"command\"><code>vllm serve moonshotai/Kimi-K2.6"))
        #expect(page.contents.contains("--tool-call-parser kimi_k2"))
        #expect(page.contents.contains("src=\"../../../assets/deploy.js\""))
        #expect(page.contents.contains("download=\"skypilot.yaml\""))
        let directory = String(page.path.dropLast("index.html".count))
        let specFile = try #require(files.first { $0.path == directory + "seekgpu.yaml" })
        let spec = try DeploySpec.parse(yaml: specFile.contents, path: specFile.path)
        #expect(spec.model == "moonshotai/Kimi-K2.6" && spec.acceleratorCount == 8 && spec.offering == nil)
        #expect(spec.maxModelLen == 51_200 && (spec.maxNumSeqs ?? 0) >= 1 && spec.sizing != nil)
        // Without serving.yaml there are no Deploy pages and no links.
        var bare = content
        bare.servingTable = nil
        #expect(!SiteWriter.files(bare, scenarios: []).contains { $0.path.hasPrefix("deploy/") })
    }
}
