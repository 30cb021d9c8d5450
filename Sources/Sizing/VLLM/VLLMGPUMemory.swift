/// A GPU's memory as vLLM sees it (`init_total_memory`, from `torch.cuda.mem_get_info`), which is less than the
/// datasheet's figure: the driver reserves part of it (and ECC on HBM boards).
public enum VLLMGPUMemory {
    /// Totals printed by public vLLM logs, GiB, by gpuhunt GPU name.
    public static let logged: [String: (gib: Double, source: String)] = [
        "H100": (79.19, "init_total_memory 79.19 GiB in llm-d-planner's vLLM 0.19 logs (H100 80GB HBM3)"),
        "RTX3090": (23.58, "total_gpu_memory=23.58GiB in vllm-project/vllm#10517"),
    ]

    /// The fraction of the datasheet's memory left when no log says: the smallest seen in the logs
    /// (RTX 3090: 23.58 of 24 GiB; H100: 79.19 of 80), so the estimate never promises memory that is not there.
    public static let visibleFraction = 0.9825

    /// The memory vLLM reports for a GPU, GiB, and where the figure comes from.
    ///
    /// - Parameters:
    ///   - gpuName: The gpuhunt name (`H100`, `A100_80G`, …).
    ///   - datasheetGB: The datasheet's memory (`memory_size_gb`, a binary size for HBM and GDDR boards).
    public static func total(gpuName: String, datasheetGB: Double) -> (gib: Double, source: String) {
        if let known = logged[gpuName] { return known }
        let gib = (datasheetGB * visibleFraction * 100).rounded(.down) / 100
        return (gib, "\(datasheetGB) GB datasheet × \(visibleFraction) (no public log prints this GPU's total)")
    }
}
