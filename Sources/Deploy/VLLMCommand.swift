/// The `vllm serve` command a spec starts: the one owner of its flags, used by every recipe.
public struct VLLMCommand: Sendable, Hashable {
    /// The spec served.
    public var spec: DeploySpec

    /// Creates the command of a spec.
    public init(spec: DeploySpec) { self.spec = spec }

    /// `vllm serve MODEL` and its flags, unquoted:
    /// `--revision`, `--tensor-parallel-size`, `--pipeline-parallel-size` (> 1), `--distributed-executor-backend ray`
    /// (more than one node), `--max-model-len`, `--gpu-memory-utilization`, `--kv-cache-dtype` (not `auto`),
    /// `--max-num-seqs`, `--enable-expert-parallel`, `--quantization` (a format the checkpoint is not in), the
    /// model family's flags, `--host 0.0.0.0 --port PORT`.
    public var arguments: [String] {
        var words = ["vllm", "serve", spec.model ?? "MODEL"]
        if let revision = spec.revision { words += ["--revision", revision] }
        words += ["--tensor-parallel-size", String(spec.tensorParallel)]
        if spec.pipelineParallel > 1 { words += ["--pipeline-parallel-size", String(spec.pipelineParallel)] }
        if spec.nodes > 1 { words += ["--distributed-executor-backend", "ray"] }
        if let length = spec.maxModelLen { words += ["--max-model-len", String(length)] }
        if let utilization = spec.gpuMemoryUtilization { words += ["--gpu-memory-utilization", "\(utilization)"] }
        if spec.kvCacheDType != "auto" { words += ["--kv-cache-dtype", spec.kvCacheDType] }
        if let seqs = spec.maxNumSeqs { words += ["--max-num-seqs", String(seqs)] }
        if spec.enableExpertParallel { words.append("--enable-expert-parallel") }
        if let quantization = spec.precision.vllmFlag { words += ["--quantization", quantization] }
        words += spec.servingArgs
        words += ["--host", "0.0.0.0", "--port", String(spec.servingPort)]
        return words
    }

    /// The command on one line, shell-quoted.
    public var line: String { ShellWords.join(arguments) }

    /// The command with a continuation before each option, shell-quoted (for a `<pre>` or a script).
    public var multiline: String { ShellWords.lines(arguments) }
}
