import Deploy
import Foundation
import SeekCore

/// What both kinds of `recommend` listing share: a recommended spec whose recipes are printed or written.
protocol RecipeReport {
    var inputs: RecommendInputs { get }
    /// The recommended setup's spec.
    var spec: DeploySpec { get }
    /// The listing printed.
    var table: String { get }
    /// The JSON document, with the files written.
    func json(written: [String]) -> String
}

extension RecipeReport {
    /// The recipes of `kind` as printed: one file, the `vllm serve` line, or every file under a `# --- NAME ---` line.
    func emitted(_ kind: String) -> String {
        let files = RecipeFiles.render(spec, table: inputs.table)
        switch kind {
        case "vllm":
            guard spec.workload == .inference else { return files.first { $0.name == "skypilot.yaml" }?.text ?? "" }
            return VLLMCommand(spec: spec).multiline + "\n"
        case "all": return files.map { "# --- \($0.name) ---\n" + $0.text }.joined(separator: "\n")
        default: return files.first { $0.name == Self.fileName(of: kind) }?.text ?? ""
        }
    }

    static func fileName(of kind: String) -> String {
        ["spec": "seekgpu.yaml", "skypilot": "skypilot.yaml", "dstack": "dstack.yml", "vllm": "serve.sh"][kind] ?? kind
    }

    /// Writes the recipes of `kind` (`all`: every file) into `directory`, each atomically; `serve.sh` executable.
    ///
    /// - Returns: The paths written.
    /// - Throws: ``FileWriteError``.
    func write(to directory: URL, kinds kind: String) throws -> [String] {
        let files = RecipeFiles.render(spec, table: inputs.table).filter { kind == "all" || $0.name == Self.fileName(of: kind) }
        var written: [String] = []
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            try AtomicFile.write(Array(file.text.utf8), to: url)
            if file.name.hasSuffix(".sh") {
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
            written.append(url.relativePath)
        }
        return written
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
