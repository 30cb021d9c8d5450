import Foundation

/// Reads a repository's files for what it needs, in gpu-lol's order: packages (requirements files, `pyproject.toml`,
/// `setup.py`, Dockerfile `pip install`, else imports), the workload (file names, then packages), the model it loads,
/// the GPU count of its launch command, and a Dockerfile's CUDA/PyTorch base image. Pure: the files are given.
public enum RepoAnalyzer {
    /// Packages that make a repository a training one, and the ones that make it a serving one.
    static let trainingPackages = ["trl", "peft", "accelerate", "deepspeed"]
    static let servingPackages = ["vllm", "ray", "sglang"]
    static let trainingNames = ["train", "finetune", "fine_tune", "sft", "grpo", "dpo"]
    static let servingNames = ["serve", "server", "inference", "vllm"]

    /// Analyses the files.
    public static func analyze(_ repo: RepoFiles) -> RepoAnalysis {
        var analysis = RepoAnalysis()
        readPackages(repo, into: &analysis)
        readWorkload(repo, into: &analysis)
        readModels(repo, into: &analysis)
        readLaunch(repo, into: &analysis)
        readBaseImage(repo, into: &analysis)
        if analysis.workload == .training {
            let peft = analysis.packages.contains("peft")
            analysis.trainingMethod = peft ? (analysis.packages.contains("bitsandbytes") ? .qlora : .lora) : .full
        }
        return analysis
    }

    // MARK: - Packages

    static func readPackages(_ repo: RepoFiles, into analysis: inout RepoAnalysis) {
        func add(_ names: [String], from file: String, how: String) {
            let fresh = names.map(normalised).filter { !$0.isEmpty && !analysis.packages.contains($0) }
            var seen = Set<String>()
            let unique = fresh.filter { seen.insert($0).inserted }
            guard !unique.isEmpty else { return }
            analysis.packages += unique
            analysis.packageSources.append(RepoFinding(file: file, what: "\(how): " + unique.joined(separator: ", ")))
        }
        for file in repo.files where file.name.hasPrefix("requirements") && file.name.hasSuffix(".txt") {
            add(requirementLines(file.text), from: file.path, how: "packages")
        }
        for file in repo.files where file.name == "pyproject.toml" {
            add(pyprojectDependencies(file.text), from: file.path, how: "dependencies")
        }
        for file in repo.files where file.name == "setup.py" {
            add(setupRequires(file.text), from: file.path, how: "install_requires")
        }
        for file in repo.files where file.name == "Dockerfile" || file.name.hasPrefix("Dockerfile.") {
            for (number, line) in file.lines {
                guard let range = line.range(of: "pip install ") ?? line.range(of: "pip3 install ") else { continue }
                let words = line[range.upperBound...].split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .prefix { !["&&", "||", ";", "\\"].contains(String($0)) }
                    .map(String.init).filter { !$0.hasPrefix("-") && !$0.contains("/") && !$0.hasSuffix(".txt") }
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
                add(words.map(requirementName), from: "\(file.path):\(number)", how: "RUN pip install")
            }
        }
        guard analysis.packages.isEmpty else { return }
        // No manifest: the imports of the Python files, less the standard library and the repository's own modules.
        let own = Set(repo.files.compactMap { file -> String? in
            guard file.path.hasSuffix(".py") else { return nil }
            return String(file.path.split(separator: "/").first?.split(separator: ".").first ?? "")
        })
        var imports: [String] = []
        for file in repo.files where file.path.hasSuffix(".py") {
            for (_, line) in file.lines {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard words.count >= 2, words[0] == "import" || words[0] == "from" else { continue }
                let module = String(words[1].split(separator: ",")[0].split(separator: ".")[0])
                guard !module.isEmpty, !PythonStandardLibrary.modules.contains(module), !own.contains(module) else { continue }
                imports.append(PythonStandardLibrary.packageOfImport[module] ?? module)
            }
        }
        add(imports, from: "*.py imports", how: "imported packages")
    }

    /// Package names of a requirements file: comments, options (`-r`, `-e`, `--index-url`) and URLs left out.
    static func requirementLines(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { raw in
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty, !line.hasPrefix("-"), !line.contains("://") else { return nil }
            return requirementName(line)
        }
    }

    /// The name of a requirement such as `torch>=2.1`, `peft[all]==0.13; python_version>"3.9"`.
    static func requirementName(_ requirement: String) -> String {
        String(requirement.prefix { !"<>=!~[;@ (".contains($0) })
    }

    /// `[project] dependencies` and every `[project.optional-dependencies]` list of a `pyproject.toml`.
    static func pyprojectDependencies(_ text: String) -> [String] {
        var names: [String] = []
        var section = ""
        var depth = 0
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if depth == 0 {
                if line.hasPrefix("[") {
                    section = line
                    continue
                }
                let wanted = section == "[project]" && line.hasPrefix("dependencies")
                    || section == "[project.optional-dependencies]" && line.contains("=")
                guard wanted, let open = line.firstIndex(of: "[") else { continue }
                depth = 0
                names += listStrings(line[open...], depth: &depth).map(requirementName)
            } else {
                names += listStrings(Substring(line), depth: &depth).map(requirementName)
            }
        }
        return names
    }

    /// The quoted strings of a piece of a TOML list, tracking its bracket depth outside quotes.
    static func listStrings(_ text: Substring, depth: inout Int) -> [String] {
        var strings: [String] = []
        var quote: Character?
        var current = ""
        for character in text {
            if let open = quote {
                if character == open {
                    strings.append(current)
                    current = ""
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth -= 1
            } else if character == "#" {
                break
            }
        }
        return strings
    }

    /// The strings of `install_requires=[…]` in a `setup.py`.
    static func setupRequires(_ text: String) -> [String] {
        guard let start = text.range(of: "install_requires") else { return [] }
        let rest = text[start.upperBound...]
        guard let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") else { return [] }
        return quotedStrings(String(rest[open...close])).map(requirementName)
    }

    /// Every `"…"` or `'…'` string of a line.
    static func quotedStrings(_ text: String) -> [String] {
        var strings: [String] = []
        var quote: Character?
        var current = ""
        for character in text {
            if let open = quote {
                if character == open {
                    strings.append(current)
                    current = ""
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
            }
        }
        return strings
    }

    /// `Flash_Attn` → `flash-attn`.
    static func normalised(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-").trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Workload

    static func readWorkload(_ repo: RepoFiles, into analysis: inout RepoAnalysis) {
        for file in repo.files where file.path.hasSuffix(".py") {
            let stem = file.name.dropLast(3).lowercased()
            if trainingNames.contains(where: stem.contains) {
                analysis.workload = .training
                analysis.workloadReason = RepoFinding(file: file.path, what: "a training script by its name → training")
                return
            }
            if servingNames.contains(where: stem.contains) {
                analysis.workload = .inference
                analysis.workloadReason = RepoFinding(file: file.path, what: "a serving script by its name → inference")
                return
            }
        }
        if let package = analysis.packages.first(where: trainingPackages.contains) {
            analysis.workload = .training
            analysis.workloadReason = RepoFinding(file: source(of: package, in: analysis), what: "package \(package) → training")
        } else if let package = analysis.packages.first(where: servingPackages.contains) {
            analysis.workload = .inference
            analysis.workloadReason = RepoFinding(file: source(of: package, in: analysis), what: "package \(package) → inference")
        }
    }

    static func source(of package: String, in analysis: RepoAnalysis) -> String {
        analysis.packageSources.first { $0.what.split(separator: ":").last?.split(separator: ",")
            .contains { $0.trimmingCharacters(in: .whitespaces) == package } ?? false }?.file ?? "(packages)"
    }

    // MARK: - Models

    /// Where code names a Hugging Face repository id (`org/name`), and how the finding calls it. (Computed: `Regex`
    /// is not `Sendable`.)
    static var modelPatterns: [(Regex<(Substring, Substring)>, String)] { [
        (#/from_pretrained\(\s*["']([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)["']/#, "from_pretrained"),
        (#/vllm\s+serve\s+["']?([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)/#, "vllm serve"),
        (#/LLM\(\s*(?:model\s*=\s*)?["']([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)["']/#, "LLM(model=…)"),
        (#/(?:--model(?:_name_or_path)?|model_name_or_path|model_id|base_model)["']?\s*[:= ]\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)/#,
         "model setting"),
    ] }
    /// "70b", "llama-7b", "13B params": billions of parameters.
    static var sizePattern: Regex<(Substring, Substring)> { #/(?:^|[^A-Za-z0-9.])(\d{1,4}(?:\.\d+)?)\s?[bB](?:[^A-Za-z0-9]|$)/# }

    static func readModels(_ repo: RepoFiles, into analysis: inout RepoAnalysis) {
        let code = repo.files.filter { file in
            [".py", ".sh", ".yaml", ".yml", ".toml", ".json", ".md", ".txt", ".cfg"].contains { file.path.hasSuffix($0) }
                || file.name.hasPrefix("Dockerfile") || file.name == "Makefile"
        }
        for file in code where !file.name.hasPrefix("requirements") {
            for (number, line) in file.lines where !file.path.hasSuffix(".md") {
                for (pattern, how) in modelPatterns {
                    for match in line.matches(of: pattern) {
                        let repo = String(match.output.1).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
                        guard !analysis.models.contains(where: { $0.repo == repo }), !repo.hasPrefix("."),
                              !repo.contains("..") else { continue }
                        analysis.models.append((repo, RepoFinding(file: file.path, line: number, what: "\(how) \(repo)")))
                    }
                }
            }
        }
        if let config = repo.files.first(where: { $0.name == "config.json" && $0.text.contains("\"model_type\"") }) {
            analysis.configPath = config.path
        }
        guard analysis.models.isEmpty, analysis.configPath == nil else { return }
        for file in code {
            for (number, line) in file.lines {
                guard let match = line.firstMatch(of: sizePattern), let billions = Double(match.output.1),
                      billions >= 0.1, billions <= 2000 else { continue }
                analysis.sizeHint = (billions, RepoFinding(file: file.path, line: number,
                                                           what: "a model size, \(match.output.1)B parameters (a fallback: no model id)"))
                return
            }
        }
    }

    // MARK: - Launch and image

    static var countPatterns: [(Regex<(Substring, Substring)>, String)] { [
        (#/torchrun.*--nproc[_-]per[_-]node[= ](\d+)/#, "torchrun --nproc_per_node"),
        (#/deepspeed.*--num_gpus[= ](\d+)/#, "deepspeed --num_gpus"),
        (#/accelerate\s+launch.*--num_processes[= ](\d+)/#, "accelerate launch --num_processes"),
    ] }
    static let distributedWords = ["torchrun", "DistributedDataParallel", "FullyShardedDataParallel", "deepspeed ",
                                   "accelerate launch"]

    static func readLaunch(_ repo: RepoFiles, into analysis: inout RepoAnalysis) {
        let scripts = repo.files.filter { [".sh", ".py", ".yaml", ".yml", ".md"].contains(where: $0.path.hasSuffix) || $0.name == "Makefile" }
        for file in scripts {
            for (number, line) in file.lines {
                for (pattern, how) in countPatterns {
                    guard analysis.gpuCount == nil, let match = line.firstMatch(of: pattern),
                          let count = Int(match.output.1), count >= 1 else { continue }
                    analysis.gpuCount = (count, RepoFinding(file: file.path, line: number, what: "\(how) \(count) → \(count) GPUs"))
                    let command = line.trimmingCharacters(in: .whitespaces)
                    if analysis.launchCommand == nil, !file.path.hasSuffix(".py") {
                        analysis.launchCommand = (command, RepoFinding(file: file.path, line: number, what: "launch: \(command)"))
                    }
                }
            }
        }
        if analysis.gpuCount == nil {
            outer: for file in scripts {
                for (number, line) in file.lines {
                    guard let word = distributedWords.first(where: line.contains) else { continue }
                    analysis.gpuCount = (2, RepoFinding(file: file.path, line: number,
                                                         what: "\(word.trimmingCharacters(in: .whitespaces)) without a GPU count → 2 GPUs"))
                    break outer
                }
            }
        }
        if analysis.launchCommand == nil, analysis.workload == .training,
           let script = repo.files.first(where: { file in file.path.hasSuffix(".py")
               && trainingNames.contains(where: file.name.lowercased().contains) }) {
            analysis.launchCommand = ("python \(script.path)", RepoFinding(file: script.path, what: "launch: python \(script.path)"))
        }
    }

    static func readBaseImage(_ repo: RepoFiles, into analysis: inout RepoAnalysis) {
        for file in repo.files where file.name == "Dockerfile" || file.name.hasPrefix("Dockerfile.") {
            for (number, line) in file.lines {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("--") }
                guard words.count >= 2, words[0].uppercased() == "FROM" else { continue }
                let image = String(words[1])
                guard ["cuda", "pytorch", "nvidia", "tensorflow", "vllm"].contains(where: image.lowercased().contains) else { continue }
                analysis.baseImage = (image, RepoFinding(file: file.path, line: number, what: "base image \(image)"))
                return
            }
        }
    }
}
