import ConfigKit
import Deploy
import Testing

@Suite struct ServingTableTests {
    let table = DeployFixtures.table

    @Test func theFirstMatchingRowWins() throws {
        let coder = try #require(table.modelRow(for: "Qwen/Qwen3-Coder-480B-A35B-Instruct"))
        #expect(coder.toolCallParser == "qwen3_coder")
        #expect(table.modelRow(for: "qwen/qwen3-8b")?.toolCallParser == "hermes")
        #expect(table.modelRow(for: "moonshotai/Kimi-K2-Instruct")?.reasoningParser == nil)
        #expect(table.modelRow(for: "moonshotai/Kimi-K2.5")?.reasoningParser == "kimi_k2")
        #expect(table.modelRow(for: "example/unknown") == nil)
        #expect(coder.arguments == ["--enable-auto-tool-choice", "--tool-call-parser", "qwen3_coder"])
        #expect(!coder.source.isEmpty)
    }

    @Test func everyModelOfTheSiteHasARowWithASource() throws {
        for repo in ["deepseek-ai/DeepSeek-V3.2-Speciale", "zai-org/GLM-4.7", "zai-org/GLM-5.1", "MiniMaxAI/MiniMax-M2.5",
                     "moonshotai/Kimi-K2-Thinking", "Qwen/Qwen3-Coder-Next", "Qwen/Qwen3.5-35B-A3B"] {
            let row = try #require(table.modelRow(for: repo), "\(repo) has no serving row")
            #expect(row.source.hasPrefix("http"))
        }
    }

    @Test func acceleratorsAreNamedPerBoard() {
        #expect(table.accelerator(gpuName: "A100", vramGB: 80).skypilot == "A100-80GB")
        #expect(table.accelerator(gpuName: "A100", vramGB: 40).skypilot == "A100")
        #expect(table.accelerator(gpuName: "H100", vramGB: 80).skypilot == "H100")
        #expect(table.accelerator(gpuName: "RTX4090", vramGB: 24).dstack == "RTX4090")
        #expect(table.gpuhuntName(ofAccelerator: "a100-80gb")?.gpuName == "A100")
        #expect(table.gpuhuntName(ofAccelerator: "a100-80gb")?.vramGB == 80)
        #expect(table.clouds["lambdalabs"]?.skypilot == "lambda")
        #expect(table.clouds["cloudrift"]?.skypilot == nil)
    }

    @Test func aBadTableNamesEveryProblem() throws {
        let error = try #require(throws: ConfigFileError.self) {
            try ServingTable.parse(yaml: """
                vllm_version: 0.19.0
                models:
                  - match: "Qwen/*"
                    tool_parser: hermes
                  - source: https://example.com
                accelerators:
                  - {gpuhunt: A100, vram_gb: 0, skypilot: A100, dstack: A100}
                """, path: "config/serving.yaml")
        }
        let lines = error.lines
        #expect(lines.contains { $0.hasPrefix("config/serving.yaml:4:5: unknown key 'tool_parser'") })
        #expect(lines.contains { $0.contains("models[0] needs 'source'") })
        #expect(lines.contains { $0.contains("models[1] needs 'match'") })
        #expect(lines.contains { $0.contains("accelerators[0]: vram_gb must be at least 1, not 0") })
    }
}
