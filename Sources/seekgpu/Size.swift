import ArgumentParser
import Feeds
import Foundation
import SeekCore
import Sizing

extension SeekGPU {
    /// `seekgpu size`: sizes one model's vLLM KV cache on a number of GPUs from its `config.json`.
    struct Size: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "size",
            abstract: "Size one model on GPUs: weights, KV cache tokens and concurrency as vLLM would report them.",
            discussion: """
                Reads a Hugging Face config.json (--config PATH, or --hf ORG/REPO from HF_ENDPOINT, default \
                https://huggingface.co, with HF_TOKEN as a Bearer token for gated repositories) and prints, per GPU: \
                the weights as "Model loading took" prints them (quantization_config read, rotary caches included), the \
                memory vLLM keeps outside weights and KV cache (each term: non-torch, dummy sampler, activations, MoE \
                workspace, vision encoder, tensor parallel; constants of --vllm-version), the memory left for the KV \
                cache (the GPU's memory as vLLM sees it × --gpu-memory-utilization − weights − reserve, or \
                --available-kv-gib), KV bytes per token, KV cache \
                tokens, num_gpu_blocks, the maximum concurrency at --max-model-len (default: the config's \
                max_position_embeddings) and whether one request of that length fits. GPU names are those of \
                CONFIG-DIR/gpu-datasheets.yaml and gpu-datasheet-overrides.yaml (H100, A100_80G, H200, …).
                Exit status: 0 when sized (also when it does not fit: see "fits"), 1 when the config cannot be \
                read or Hugging Face refuses or lacks the repository, 64 on a usage error (unknown GPU, bad parallel \
                sizes), 65 when the config is invalid or lacks a field (the message names it), 69 when Hugging Face \
                cannot be reached.
                """)

        @Option(help: ArgumentHelp("A Hugging Face config.json on disk.", valueName: "path"))
        var config: String?

        @Option(help: ArgumentHelp("A Hugging Face repository whose config.json is fetched.", valueName: "org/repo"))
        var hf: String?

        @Option(help: ArgumentHelp("The GPU, by its name in gpu-datasheets.yaml (e.g. H100, A100_80G).", valueName: "name"))
        var gpu: String

        @Option(help: ArgumentHelp("Number of GPUs; a multiple of TP × PP (the rest are data-parallel replicas).",
                                   valueName: "n"))
        var count: Int

        @Option(help: ArgumentHelp("Tensor-parallel size (default: --count / --pp).", valueName: "n"))
        var tp: Int?

        @Option(help: ArgumentHelp("Pipeline-parallel size.", valueName: "n"))
        var pp = 1

        @Option(help: ArgumentHelp("Model dtype (auto, bfloat16, float16, float32): KV element size for "
            + "--kv-cache-dtype auto and weight bytes of unquantized models.", valueName: "dtype"))
        var dtype = "auto"

        @Option(help: ArgumentHelp("KV cache dtype: auto (the model dtype), fp8 or fp8_ds_mla.", valueName: "dtype"))
        var kvCacheDtype = "auto"

        @Option(help: ArgumentHelp("Tokens per KV cache block.", valueName: "n"))
        var blockSize = 16

        @Option(help: ArgumentHelp("Tokens per request (default: max_position_embeddings).", valueName: "n"))
        var maxModelLen: Int?

        @Option(help: ArgumentHelp("vLLM's max_num_batched_tokens (default: vLLM's for the GPU: 8192 on GPUs of 70 GiB or "
            + "more other than the A100, else 2048).", valueName: "n"))
        var maxNumBatchedTokens: Int?

        @Option(help: ArgumentHelp("vLLM's max_num_seqs, the dummy sampler's rows (default: vLLM's for the GPU: 1024 on GPUs "
            + "of 70 GiB or more other than the A100, else 256).", valueName: "n"))
        var maxNumSeqs: Int?

        @Option(help: ArgumentHelp("The vLLM release whose memory accounting to model (default: \(VLLMRelease.newest.name), "
            + "the newest the model knows; known: \(VLLMRelease.all.map(\.name).joined(separator: ", "))).", valueName: "x.y.z"))
        var vllmVersion: String?

        @Option(help: ArgumentHelp("The dummy sampler's top-k/top-p kernel: pytorch, flashinfer (VLLM_USE_FLASHINFER_SAMPLER=1, "
            + "or vLLM ≤ 0.11.0 with FlashInfer installed, as in the vllm/vllm-openai image) or triton (default: the "
            + "release's).", valueName: "kernel"))
        var sampler: String?

        @Option(help: ArgumentHelp("Fraction of GPU memory vLLM may use.", valueName: "fraction"))
        var gpuMemoryUtilization = 0.9

        @Option(help: ArgumentHelp("KV cache memory per GPU as vLLM printed it (\"Available KV cache memory\"), "
            + "instead of the estimate.", valueName: "gib"))
        var availableKvGib: Double?

        @Option(help: ArgumentHelp("Directory holding gpu-datasheets.yaml and model-architectures.yaml.", valueName: "dir"))
        var configDir = "config"

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func validate() throws {
            if (config == nil) == (hf == nil) { throw ValidationError("Give exactly one of --config PATH and --hf ORG/REPO.") }
            if let hf, hf.split(separator: "/").count != 2 || hf.contains("..") || hf.contains(" ") {
                throw ValidationError("--hf '\(hf)' is not a repository id such as Qwen/Qwen3-8B.")
            }
            if count < 1 { throw ValidationError("--count must be at least 1, not \(count).") }
            if pp < 1 { throw ValidationError("--pp must be at least 1, not \(pp).") }
            if let tp, tp < 1 { throw ValidationError("--tp must be at least 1, not \(tp).") }
            if count % (tensorParallel * pp) != 0 {
                throw ValidationError("--count \(count) is not a multiple of TP × PP = \(tensorParallel) × \(pp).")
            }
            if dtype != "auto" && KVArchitecture.dtypeBytes(named: dtype) == nil {
                throw ValidationError("--dtype '\(dtype)' is not auto, bfloat16, float16 or float32.")
            }
            if kvCacheDType == nil {
                throw ValidationError("--kv-cache-dtype '\(kvCacheDtype)' is not auto, fp8 or fp8_ds_mla.")
            }
            if blockSize < 1 { throw ValidationError("--block-size must be at least 1, not \(blockSize).") }
            if let maxModelLen, maxModelLen < 1 { throw ValidationError("--max-model-len must be at least 1.") }
            if let maxNumBatchedTokens, maxNumBatchedTokens < 1 { throw ValidationError("--max-num-batched-tokens must be at least 1.") }
            if let maxNumSeqs, maxNumSeqs < 1 { throw ValidationError("--max-num-seqs must be at least 1.") }
            if let vllmVersion, VLLMRelease.named(vllmVersion) == nil {
                throw ValidationError("--vllm-version '\(vllmVersion)' is not a release the memory model knows: "
                    + VLLMRelease.all.map(\.name).joined(separator: ", ") + " (e.g. 0.19.0).")
            }
            if let sampler, VLLMSamplerKernel.named(sampler) == nil {
                throw ValidationError("--sampler '\(sampler)' is not one of "
                    + VLLMSamplerKernel.names.joined(separator: ", ") + ".")
            }
            if !(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1) {
                throw ValidationError("--gpu-memory-utilization must be in (0, 1], not \(gpuMemoryUtilization).")
            }
            if let availableKvGib, !(availableKvGib >= 0 && availableKvGib.isFinite) {
                throw ValidationError("--available-kv-gib must be a number of GiB ≥ 0, not \(availableKvGib).")
            }
        }

        /// `--vllm-version`'s release, or the newest.
        var release: VLLMRelease { vllmVersion.flatMap(VLLMRelease.named) ?? .newest }

        /// `--tp`, or all GPUs of one replica.
        var tensorParallel: Int { tp ?? max(1, count / max(1, pp)) }

        /// `--kv-cache-dtype` as vLLM's setting (`fp8_e4m3`/`fp8_e5m2` count as `fp8`).
        var kvCacheDType: VLLMSettings.KVCacheDType? {
            ["fp8_e4m3", "fp8_e5m2"].contains(kvCacheDtype) ? .fp8 : VLLMSettings.KVCacheDType(rawValue: kvCacheDtype)
        }

        func run() async throws {
            let console = Console(quiet: false, verbose: false)
            try await exitingOnError(console) {
                let inputs = try SizeInputs.load(self, log: { console.summary([$0]) })
                let report = try SizeReport(inputs: inputs, command: self)
                print(json ? report.json : report.table, terminator: "")
            }
        }
    }
}
