import Deploy
import Foundation
import Sizing
import Testing
import TestSupport

/// The recipes of three real recommendations, byte for byte (`Golden/<case>/`; `RECORD_GOLDENS=1` rewrites them):
/// a dense model on one GPU, a MoE model on 8 GPUs at TP 8, and a model that needs two nodes.
@Suite struct RecipeGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var repo: String
        var gpu: String
        var description: String { name }
    }

    static let cases = [
        Case(name: "dense-1gpu", repo: "Qwen/Qwen3-8B", gpu: "H100"),
        Case(name: "moe-8gpu-tp8", repo: "Qwen/Qwen3-Coder-480B-A35B-Instruct", gpu: "H200"),
        Case(name: "two-nodes", repo: "Qwen/Qwen3-Coder-480B-A35B-Instruct", gpu: "H100"),
    ]

    static func spec(_ recipe: Case) throws -> DeploySpec {
        var request = try DeployFixtures.request(recipe.repo)
        request.gpu = (recipe.gpu, nil)
        let option = try #require(Recommender(specs: DeployFixtures.specs).options(request, offerings: DeployFixtures.offerings).first)
        return DeploySpec(option: option, request: request, table: DeployFixtures.table)
    }

    @Test(arguments: cases) func recipesMatchTheGoldenFiles(_ recipe: Case) throws {
        let spec = try Self.spec(recipe)
        for file in RecipeFiles.render(spec, table: DeployFixtures.table) {
            let url = Self.directory.appendingPathComponent(recipe.name).appendingPathComponent(file.name)
            if let problem = GoldenFile.problem(file.text, against: url) { Issue.record(Comment(rawValue: problem)) }
        }
    }

    @Test func theThreeCasesAreWhatTheyClaim() throws {
        let dense = try Self.spec(Self.cases[0])
        #expect(dense.acceleratorCount == 1 && dense.nodes == 1 && !dense.enableExpertParallel)
        let moe = try Self.spec(Self.cases[1])
        #expect(moe.acceleratorCount == 8 && moe.tensorParallel == 8 && moe.nodes == 1 && moe.enableExpertParallel)
        let arguments = VLLMCommand(spec: moe).arguments
        #expect(arguments.contains("--enable-expert-parallel"))
        #expect(Array(arguments.drop { $0 != "--tool-call-parser" }.prefix(2)) == ["--tool-call-parser", "qwen3_coder"])
        let twoNodes = try Self.spec(Self.cases[2])
        #expect(twoNodes.nodes == 2 && twoNodes.tensorParallel == 8 && twoNodes.pipelineParallel == 2)
        #expect(VLLMCommand(spec: twoNodes).arguments.contains("--distributed-executor-backend"))
        #expect(SkyPilotTask.yaml(twoNodes, table: DeployFixtures.table).contains("num_nodes: 2"))
        #expect(DstackConfiguration.yaml(twoNodes, table: DeployFixtures.table).contains("type: task"))
    }

    @Test func theSpecFileReadsBackAsTheSpec() throws {
        for recipe in Self.cases {
            let spec = try Self.spec(recipe)
            let read = try DeploySpec.parse(yaml: spec.yaml, path: "\(recipe.name)/seekgpu.yaml")
            // Figures are written to 2 decimals; everything else is exact.
            #expect(read.yaml == spec.yaml)
            #expect(read.model == spec.model && read.acceleratorCount == spec.acceleratorCount && read.nodes == spec.nodes)
        }
    }
}
