import SeekCore

/// The optional LLM analysis of a repository (`SEEKGPU_LLM_URL`, `SEEKGPU_LLM_MODEL`, `SEEKGPU_LLM_API_KEY`): one
/// OpenAI-compatible `/chat/completions` call asking for a JSON object, and the guardrails its answer must pass
/// (gpu-lol's): the workload is one of the three, the GPU type is one on offer, the VRAM is at least 8 GB. The
/// HTTP call is the executable's; this is the pure half.
public enum LLMOverride {
    /// VRAM below this is raised to it, GB.
    public static let vramFloorGB = 8.0

    /// An answer that passed the guardrails.
    public struct Answer: Sendable, Hashable {
        public var workload: DeploySpec.Workload
        /// GB of GPU memory the workload needs, at least ``vramFloorGB``.
        public var vramGB: Double
        /// The gpuhunt GPU name.
        public var gpuName: String
        /// The model's reason, shown to the user.
        public var reasoning: String
    }

    /// The request body: the repository's file list and its manifests and launch files, truncated to `limit`
    /// characters, with `response_format: {type: json_object}`.
    public static func requestBody(model: String, repo: RepoFiles, gpuNames: [String], limit: Int = 24_000) -> [UInt8] {
        let prompt = "Analyze this ML repository and answer with a JSON object: {\"workload_type\": \"training\" | "
            + "\"inference\" | \"interactive\", \"vram_required_gb\": number (per GPU), \"gpu_type\": one of "
            + gpuNames.joined(separator: ", ") + ", \"reasoning\": string}.\n\n<repo_context>\n"
            + context(of: repo, limit: limit) + "\n</repo_context>"
        let body = JSONValue.object(JSONObject([
            ("model", .string(model)),
            ("messages", .array([.object(JSONObject([("role", .string("user")), ("content", .string(prompt))]))])),
            ("response_format", .object(JSONObject([("type", .string("json_object"))]))),
            ("temperature", .int(0)),
        ]))
        return CanonicalJSON.encode(body)
    }

    /// The file list, then the manifests and the launch files in full until `limit` characters.
    static func context(of repo: RepoFiles, limit: Int) -> String {
        var text = "Files:\n" + repo.files.map(\.path).joined(separator: "\n") + "\n"
        let key = repo.files.filter { file in
            file.name.hasPrefix("requirements") || ["pyproject.toml", "setup.py", "README.md"].contains(file.name)
                || file.name.hasPrefix("Dockerfile") || file.path.hasSuffix(".sh")
                || RepoAnalyzer.trainingNames.contains(where: file.name.lowercased().contains)
                || RepoAnalyzer.servingNames.contains(where: file.name.lowercased().contains)
        }
        for file in key {
            let part = "\n--- \(file.path)\n" + file.text
            guard text.count + part.count <= limit else { break }
            text += part
        }
        return String(text.prefix(limit))
    }

    /// Reads a `/chat/completions` response and applies the guardrails.
    ///
    /// - Parameters:
    ///   - body: The response body.
    ///   - gpuName: Maps a GPU type as the model wrote it to a gpuhunt name on offer; nil when it is not on offer.
    /// - Returns: The answer, or why it was rejected.
    public static func answer(_ body: [UInt8], gpuName: (String) -> String?) -> Result<Answer, Rejection> {
        guard let response = try? JSONParser.parse(body) else { return .failure(Rejection("the response is not JSON")) }
        guard let content = response["choices"]?[0]?["message"]?["content"]?.stringValue else {
            return .failure(Rejection("the response has no choices[0].message.content"))
        }
        guard let object = try? JSONParser.parse(content), object.objectValue != nil else {
            return .failure(Rejection("the answer is not a JSON object"))
        }
        guard let workloadText = object["workload_type"]?.stringValue,
              let workload = DeploySpec.Workload(rawValue: workloadText.lowercased()) else {
            return .failure(Rejection("workload_type '\(object["workload_type"]?.stringValue ?? "?")' is not training, inference or interactive"))
        }
        guard let type = object["gpu_type"]?.stringValue else { return .failure(Rejection("the answer names no gpu_type")) }
        guard let name = gpuName(type) else { return .failure(Rejection("GPU type '\(type)' is not in the catalog")) }
        guard let vram = object["vram_required_gb"]?.doubleValue, vram.isFinite else {
            return .failure(Rejection("vram_required_gb is not a number"))
        }
        return .success(Answer(workload: workload, vramGB: max(vramFloorGB, vram), gpuName: name,
                               reasoning: object["reasoning"]?.stringValue ?? ""))
    }

    /// Why an answer was not used.
    public struct Rejection: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
