import Foundation

/// What every launcher's recipe shares beyond the `vllm serve` line: the engine pin and image, the disk, how long
/// the server may take to load, the setup commands and the multi-node start-up. Each launcher renders it in its
/// own format; the figures are computed here once.
public struct LaunchPlan: Sendable, Hashable {
    public var spec: DeploySpec
    public var table: ServingTable

    /// Creates the plan of a spec.
    public init(spec: DeploySpec, table: ServingTable) {
        self.spec = spec
        self.table = table
    }

    /// Disk when the spec has no sizing: SkyPilot's default, GB.
    public static let defaultDiskGB = 256
    /// Load time allowed when the spec has no sizing, seconds.
    public static let defaultLoadSeconds = 1800
    /// Seconds allowed per GB of checkpoint to download and load (≈ 200 MB/s, a cloud VM's usual download rate).
    public static let loadSecondsPerGB = 5.0
    /// Seconds allowed for everything but the weights: image pull, `pip install`, CUDA graph capture.
    public static let startupSeconds = 300.0

    /// The vLLM release pinned.
    public var engineVersion: String { spec.engineVersion ?? table.vllmVersion }

    /// The image run in: the spec's base image, else vLLM's own for the pinned release.
    public var image: String { spec.baseImage ?? "vllm/vllm-openai:v\(engineVersion)" }

    /// Disk per node, GB: the checkpoint × 1.25 plus 50 GB for the image and caches, rounded up to 10 and at least
    /// 100; 256 without sizing figures.
    public var diskGB: Int {
        guard let checkpoint = spec.sizing?.checkpointGB else { return Self.defaultDiskGB }
        return max(100, Int(((checkpoint * 1.25 + 50) / 10).rounded(.up)) * 10)
    }

    /// Seconds before the first readiness probe counts: start-up plus the checkpoint's download and load, rounded
    /// up to a minute.
    public var loadSeconds: Int {
        guard let checkpoint = spec.sizing?.checkpointGB else { return Self.defaultLoadSeconds }
        return Int(((Self.startupSeconds + checkpoint * Self.loadSecondsPerGB) / 60).rounded(.up)) * 60
    }

    /// The setup commands: asset links first, then the spec's own; an inference spec without its own image
    /// installs the pinned vLLM.
    public var setupCommands: [String] {
        var commands: [String] = []
        for link in spec.assetLinks {
            guard let colon = link.firstIndex(of: ":") else { continue }
            let remote = String(link[..<colon]), local = String(link[link.index(after: colon)...])
            let parent = (local as NSString).deletingLastPathComponent
            commands.append("mkdir -p \(ShellWords.quote(remote)) \(ShellWords.quote(parent.isEmpty ? "." : parent))"
                + " && ln -sfn \(ShellWords.quote(remote)) \(ShellWords.quote(local))")
        }
        commands += spec.setup
        if spec.workload == .inference && spec.baseImage == nil && spec.setup.isEmpty {
            commands.append("pip install vllm==\(engineVersion)")
        }
        return commands
    }

    /// The commands that start the workload on a node whose rank is `$RANK_VARIABLE` and that reaches the head
    /// node at `headAddress` (a shell expression): one node runs `vllm serve` directly; several start a Ray
    /// cluster, the head waiting for every node before serving.
    public func runCommands(rankVariable: String, headAddress: String) -> [String] {
        guard spec.workload == .inference else { return spec.run }
        let serve = VLLMCommand(spec: spec).multiline
        guard spec.nodes > 1 else { return [serve] }
        let wait = "until python3 -c 'import ray, sys; ray.init(address=\"auto\"); "
            + "sys.exit(sum(n[\"Alive\"] for n in ray.nodes()) < \(spec.nodes))'; do sleep 5; done"
        return [
            "if [ \"${\(rankVariable)}\" = \"0\" ]; then",
            "  ray start --head --port=6379 --disable-usage-stats",
            "  \(wait)",
            "  " + serve.replacingOccurrences(of: "\n", with: "\n  "),
            "else",
            "  sleep 10",
            "  ray start --address=\"\(headAddress):6379\" --disable-usage-stats --block",
            "fi",
        ]
    }

    /// The spec's providers in one launcher's names, cheapest first, unsupported ones left out.
    public func clouds(_ name: (ServingTable.CloudRow) -> String?) -> [String] {
        var seen = Set<String>()
        return spec.providers.compactMap { table.clouds[$0].flatMap(name) }.filter { seen.insert($0).inserted }
    }

    /// The environment every launcher sets: the spec's, with `MODEL_ID` for an inference spec.
    public var environment: [DeploySpec.EnvironmentVariable] {
        var env = spec.env
        if spec.workload == .inference, let model = spec.model, !env.contains(where: { $0.name == "MODEL_ID" }) {
            env.insert(.init(name: "MODEL_ID", value: model), at: 0)
        }
        return env
    }
}
