/// What each part of ``VLLMMemory/plan(weightsBytes:shape:totalGiB:settings:release:)`` stands for in vLLM's code,
/// for the Methodology page. Paths are in vllm-project/vllm; commit 097eb544e9a22810c9b7a59e586b61627b308362 is
/// v0.17.0rc1, where `determine_available_memory` and `vllm/utils/mem_utils.py` are byte-identical to 0.15's.
extension VLLMMemory {
    /// One documented part of the memory accounting.
    public struct TermNote: Sendable, Hashable {
        /// The term's name as ``Term/name`` gives it (or a name for a part that is not a reserve term).
        public var name: String
        /// How seekgpu computes it.
        public var formula: String
        /// What vLLM does, and where.
        public var source: String
    }

    /// The start-up accounting every term fits into.
    public static let accounting = "At start-up vLLM's determine_available_memory (vllm/v1/worker/gpu_worker.py) "
        + "snapshots the GPU after the CUDA context and NCCL set-up, loads the weights, runs profile_run inside "
        + "memory_profiling (vllm/utils/mem_utils.py) and sets available KV = total × gpu_memory_utilization − "
        + "(weights + the profile's torch peak increase + its non-torch increase)."

    /// The parts, in the order the plan lists them, then the two it deliberately leaves out.
    public static let termNotes: [TermNote] = [
        TermNote(
            name: "GPU memory",
            formula: "the total vLLM reads from cudaMemGetInfo: 79.19 GiB on an H100 80GB and 23.58 GiB on an "
                + "RTX 3090 (printed in the logs), else the datasheet's GB × \(VLLMGPUMemory.visibleFraction) in GiB",
            source: "MemorySnapshot.measure (mem_utils.py) and request_memory (vllm/v1/worker/utils.py): "
                + "requested = ceil(total × gpu_memory_utilization)"),
        TermNote(
            name: "weights",
            formula: "every tensor the checkpoint stores at its width (quantization_config: compressed-tensors, fp8 "
                + "blocks, MXFP4 with gpt-oss experts padded to 256, AWQ/GPTQ, bitsandbytes, with their scales), divided "
                + "by TP × PP, plus the rotary cos_sin_cache buffers",
            source: "\"Model loading took X GiB\" (gpu_model_runner.py load_model); rotary_embedding/base.py registers "
                + "cos_sin_cache of [max_position_embeddings, rotary_dim]; quantization/mxfp4.py create_weights rounds "
                + "the intermediate size up per backend"),
        TermNote(
            name: "non-torch",
            formula: "the release's constant",
            source: "non_torch_increase in memory_profiling: memory CUDA reports in use that PyTorch did not allocate "
                + "(cuBLAS/cuDNN workspaces) grown since the snapshot"),
        TermNote(
            name: "sampler",
            formula: "rows × vocabulary × the kernel's bytes per logit; rows = min(max_num_seqs, max_num_batched_tokens)",
            source: "_dummy_sampler_run (gpu_model_runner.py): the full vocabulary's logits for every row with "
                + "top-k = vocab − 1 and top-p 0.9, through the release's top-k/top-p kernel (table below)"),
        TermNote(
            name: "activations",
            formula: "max_num_batched_tokens × (3 × intermediate / TP + 3 × hidden) × activation bytes, counted "
                + "only beyond the sampler's peak (v1 frees the forward pass before sampling; V0 adds both)",
            source: "profile_run's _dummy_run(max_num_tokens): the widest MLP's gate/up output and activation and "
                + "the residual stream set torch_peak_increase when they exceed the sampler's"),
        TermNote(
            name: "MoE workspace",
            formula: "max_num_batched_tokens × experts per token × (2 × expert width / TP + hidden) × activation bytes",
            source: "fused_moe's modular kernel (fused_moe/modular_kernel.py) takes its intermediate caches from "
                + "the worker's workspace manager, which keeps them"),
        TermNote(
            name: "vision encoder",
            formula: "the release's constant, for multimodal models",
            source: "profile_run's encoder profile: \"Encoder cache will be initialized with a budget of N tokens\" "
                + "and embed_multimodal on dummy images"),
        TermNote(
            name: "tensor parallel",
            formula: "the release's constant per GPU when TP > 1",
            source: "NCCL (pynccl) and custom all-reduce (custom_all_reduce.py, 8 MiB buffers) are created before the "
                + "snapshot; what grows during the profile's first collectives counts as non-torch increase"),
        TermNote(
            name: "CUDA graphs (not subtracted)",
            formula: "0: the graph pool is captured after the KV cache is allocated and uses the (1 − utilization) "
                + "headroom; --enforce-eager skips it",
            source: "compile_or_warm_up_model → capture_model (\"Graph capturing finished in X secs, took Y GiB\"). "
                + "0.17.1–0.20 estimate it (PR #30515) but subtract it only with "
                + "VLLM_MEMORY_PROFILER_ESTIMATE_CUDAGRAPHS=1; 0.21 subtracts it by default (PR #38284)"),
        TermNote(
            name: "defaults",
            formula: "max_num_seqs 1024 and max_num_batched_tokens 8192 on GPUs of 70 GiB or more other than the "
                + "A100, else 256 and 2048; V0 batches max(max_model_len, 2048) tokens",
            source: "EngineArgs get_batch_defaults (vllm/engine/arg_utils.py), the OpenAI server's row"),
    ]
}
