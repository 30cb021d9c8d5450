import Sizing

extension MethodologyPage {
    /// The memory outside weights and KV cache as the vLLM release modelled keeps it (``VLLMMemory``).
    static func vllmReserveFormula(_ release: VLLMRelease) -> MethodologyFormula {
        let n = number
        return MethodologyFormula(
            id: "reserve", title: "Memory outside weights and KV cache (vLLM \(release.name))",
            explanation: [
                VLLMMemory.accounting + " seekgpu predicts each of these per GPU from the model's config, with the "
                    + "constants of the vLLM release assumed (\(release.name), the newest it knows; the table “vLLM memory "
                    + "constants” lists every release). The terms are listed below with the code that allocates them.",
                "The largest term is the dummy sampler, which runs the release's top-k/top-p kernel over max_num_seqs rows "
                    + "of the whole vocabulary: \(release.sampler) in \(release.name), \(n(release.sampler.bytesPerLogit)) "
                    + "bytes per logit. That is why models with large vocabularies (Gemma's 262,144 entries) keep more "
                    + "memory back, and why vLLM 0.17 (the Triton kernel) leaves about 3 GiB more for the KV cache of "
                    + "Qwen3-14B on an H100 than 0.15 (PyTorch's sort).",
            ],
            formula: [
                "available KV = total × utilization − weights − reserve                       (per GPU)",
                "reserve      = non-torch + sampler + activations + MoE workspace",
                "               + vision encoder (multimodal) + tensor parallel (TP > 1)",
                "sampler      = min(S, T) × vocab × \(n(release.sampler.bytesPerLogit)) B      (\(release.sampler))",
                "activations  = max(0, T × (3 × I / TP + 3 × H) × 2 B − sampler)",
                "MoE          = T × k × (2 × Iₑ / TP + H) × 2 B",
                "non-torch \(n(release.nonTorchGiB)) GiB · vision encoder \(n(release.visionEncoderGiB)) GiB · "
                    + "tensor parallel \(n(release.tensorParallelGiB)) GiB",
                "S = max_num_seqs, T = max_num_batched_tokens (1024 and 8192 on GPUs of ≥ 70 GiB but the A100,",
                "    else 256 and 2048), H hidden, I MLP width, k experts per token, Iₑ expert width",
            ],
            sources: VLLMMemory.termNotes.map { MethodologySource("\($0.name): \($0.source)") }
                + [MethodologySource("vllm-project/vllm at 097eb544 (v0.17.0rc1)",
                                     url: "https://github.com/vllm-project/vllm/tree/097eb544e9a22810c9b7a59e586b61627b308362"),
                   "calibration: the public start-up logs of the agreement tables below"])
    }

    /// Streams from the KV memory the vLLM plan leaves on every GPU.
    static func vllmStreamsFormula(_ release: VLLMRelease) -> MethodologyFormula {
        MethodologyFormula(
            id: "streams", title: "Concurrent streams",
            explanation: [
                "Each GPU of a replica holds its share of the KV cache in the memory vLLM leaves after weights and "
                    + "the reserve above. Each stream reserves KV for its whole context (average input plus output "
                    + "tokens); no prefix sharing is assumed, so the count is a safe floor. A setup whose GPUs have no "
                    + "memory left serves no stream.",
            ],
            formula: [
                "KV budget = Σ over GPUs used of available KV (per GPU, from the plan above)",
                "streams   = floor(KV budget / ((input + output tokens) × KV per token))",
            ],
            sources: [.vllmEngineArguments, .pagedAttention,
                      .seekgpu("Sources/Sizing/VLLM/VLLMMemory.swift"), "the vLLM \(release.name) memory plan above"])
    }
}
