import ArgumentParser
import Deploy
import Foundation
import SeekCore
import Sizing

extension SeekGPU {
    /// `seekgpu recommend`: every priced setup that serves a model, cheapest first, and the cheapest one's recipes.
    struct Recommend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommend",
            abstract: "List every priced GPU setup that serves a model, cheapest first, and write the cheapest one's recipes.",
            discussion: """
                Sizes the model (--hf ORG/REPO, --config PATH, or --repo DIR: a repository analysed for the model it \
                serves or trains) on every GPU setup of the price catalog with the vLLM-exact code of `seekgpu size`, \
                and lists those that hold --concurrency requests of --context tokens: GPU × count × nodes, $/hour, \
                $/month, KV cache tokens, concurrency at the context, memory margin per GPU. The cheapest one becomes \
                a deploy spec and its recipes (--emit): the spec (.seekgpu.yaml), the vllm serve command, a SkyPilot \
                task and a dstack configuration, printed or written under --out.
                The catalog is read the way `generate --step prices` reads it (GPUHUNT_CATALOG_URL or \
                GPUHUNT_CATALOG_DIR, --catalog-version), or from SITE/data/gpus.json with --site.
                Exit status: 0 with a recommendation, 1 when nothing fits (the message gives the memory needed and \
                the largest setup on offer) or a source cannot be read, 64 on a usage error, 65 when the config is \
                invalid, 69 when the catalog or Hugging Face cannot be reached, 78 when a config/*.yaml or the \
                repository's .seekgpu.yaml is invalid.
                """)

        @Option(help: ArgumentHelp("A Hugging Face repository whose config.json is fetched.", valueName: "org/repo"))
        var hf: String?

        @Option(help: ArgumentHelp("A Hugging Face config.json on disk.", valueName: "path"))
        var config: String?

        @Option(help: ArgumentHelp("A repository to analyse: its .seekgpu.yaml, else what its files serve or train.",
                                   valueName: "dir"))
        var repo: String?

        @Option(help: ArgumentHelp("Tokens per request (--max-model-len), capped at the model's maximum (default: the "
            + "model's maximum, at most \(Self.defaultContext)).", valueName: "n"))
        var context: Int?

        @Option(help: ArgumentHelp("Requests of --context tokens the KV cache must hold at once.", valueName: "n"))
        var concurrency = 1

        @Option(help: ArgumentHelp("KV cache dtype: auto (the model dtype) or fp8.", valueName: "dtype"))
        var kvCacheDtype = "auto"

        @Option(help: ArgumentHelp("Weight formats to consider: checkpoint, fp8 (FP8 GPUs, 16-bit checkpoints), int4 "
            + "(16-bit checkpoints) or all.", valueName: "format"))
        var precision = "checkpoint"

        @Option(help: ArgumentHelp("Highest price of the whole setup, USD per hour.", valueName: "usd"))
        var maxPrice: Double?

        @Option(help: ArgumentHelp("gpuhunt providers allowed, comma-separated (e.g. aws,runpod).", valueName: "a,b"))
        var providers: String?

        @Option(help: ArgumentHelp("Only this GPU (gpuhunt name, e.g. H100, or SkyPilot's, e.g. A100-80GB).", valueName: "name"))
        var gpu: String?

        @Option(help: ArgumentHelp("What to print or write: spec, vllm, skypilot, dstack or all (default: vllm printed, "
            + "all written with --out).", valueName: "what"))
        var emit: String?

        @Option(help: ArgumentHelp("Write the recipes into this directory (seekgpu.yaml, skypilot.yaml, dstack.yml, "
            + "serve.sh).", valueName: "dir"))
        var out: String?

        @Option(help: ArgumentHelp("Read the offerings from SITE/data/gpus.json (a generate run's output) instead of "
            + "the live catalog.", valueName: "dir"))
        var site: String?

        @Option(help: ArgumentHelp("Read this gpuhunt catalog version for every provider (e.g. 20260822-1).", valueName: "version"))
        var catalogVersion: CatalogVersion?

        @Option(help: ArgumentHelp("Directory holding gpuhunt.yaml, gpu-datasheets.yaml, model-architectures.yaml and "
            + "serving.yaml.", valueName: "dir"))
        var configDir = "config"

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        /// The context when neither --context nor a smaller model maximum says otherwise.
        static let defaultContext = 131_072

        /// The recipe kinds --emit takes.
        static let emitKinds = ["spec", "vllm", "skypilot", "dstack", "all"]

        func validate() throws {
            if [hf, config, repo].compactMap({ $0 }).count != 1 {
                throw ValidationError("Give exactly one of --hf ORG/REPO, --config PATH and --repo DIR.")
            }
            if let hf, hf.split(separator: "/").count != 2 || hf.contains("..") || hf.contains(" ") {
                throw ValidationError("--hf '\(hf)' is not a repository id such as Qwen/Qwen3-8B.")
            }
            if let context, context < 1 { throw ValidationError("--context must be at least 1, not \(context).") }
            if concurrency < 1 { throw ValidationError("--concurrency must be at least 1, not \(concurrency).") }
            if !["auto", "fp8"].contains(kvCacheDtype) {
                throw ValidationError("--kv-cache-dtype '\(kvCacheDtype)' is not auto or fp8.")
            }
            if precisions == nil {
                throw ValidationError("--precision '\(precision)' is not one of \((ServingQuantization.names + ["all"]).joined(separator: ", ")).")
            }
            if let maxPrice, !(maxPrice > 0 && maxPrice.isFinite) {
                throw ValidationError("--max-price must be a positive number of USD per hour, not \(maxPrice).")
            }
            if let providers, providerSet(providers).isEmpty { throw ValidationError("--providers lists no provider.") }
            if let emit, !Self.emitKinds.contains(emit) {
                throw ValidationError("--emit '\(emit)' is not one of \(Self.emitKinds.joined(separator: ", ")).")
            }
        }

        /// `--precision` as formats, nil when unknown.
        var precisions: [ServingQuantization]? {
            precision == "all" ? ServingQuantization.allCases : ServingQuantization(rawValue: precision).map { [$0] }
        }

        func providerSet(_ list: String) -> Set<String> {
            Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }

        func run() async throws {
            let console = Console(quiet: false, verbose: false)
            try await exitingOnError(console) {
                let inputs = try RecommendInputs.load(self, log: { console.summary([$0]) })
                let report: any RecipeReport
                if let model = inputs.model {
                    report = try RecommendReport(inputs: inputs, model: model, command: self)
                } else if let memory = inputs.repo?.memory {
                    report = try RepoMemoryReport(inputs: inputs, memory: memory, command: self)
                } else {
                    throw SizeFetchError(message: "\(repo ?? "the repository"): nothing to size")
                }
                if let out {
                    let written = try report.write(to: URL(fileURLWithPath: out), kinds: emit ?? "all")
                    if json {
                        print(report.json(written: written), terminator: "")
                    } else {
                        print(report.table + "\nwrote " + written.joined(separator: ", ") + "\n", terminator: "")
                    }
                } else {
                    print(json ? report.json(written: []) : report.table + "\n" + report.emitted(emit ?? "vllm"), terminator: "")
                }
            }
        }
    }
}
