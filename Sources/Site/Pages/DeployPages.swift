import Deploy
import Foundation
import Plot
import SeekCore
import Sizing

/// A Deploy page per model and sized setup at `deploy/MODEL/SETUP/`: the `vllm serve` line in a `<pre>` (a copy
/// button is added by `assets/deploy.js` when JavaScript runs), the recipe files beside it to download
/// (`seekgpu.yaml`, `skypilot.yaml`, `dstack.yml`, `serve.sh`), and the figures the recipe rests on.
enum DeployPages {
    /// One model's setup and its spec.
    struct Entry {
        var model: ModelSpec
        var modelSlug: String
        var setup: GPUSetup
        var spec: DeploySpec

        /// The page's folder, site-relative, ending in `/`.
        var directory: String { "deploy/\(modelSlug)/\(spec.setupSlug)/" }
    }

    /// Every model page setup that gets a spec (a real offer, a Hugging Face repository), per weight format, in model,
    /// format and table order.
    static func entries(_ content: SiteContent, formats: [String: [(ServingQuantization, ModelSpec, [GPUSetup])]]) -> [Entry] {
        guard let table = content.servingTable, let search = content.search else { return [] }
        var entries: [Entry] = []
        for model in content.models {
            guard let slug = ModelPage.slug(of: model.modelName), model.hfModelID != nil else { continue }
            var seen = Set<String>()
            for (format, served, setups) in formats[model.modelName] ?? ModelPage.setupsByFormat(model, search: search) {
                for setup in setups {
                    guard let spec = DeploySpec(model: served, setup: setup, offerings: content.offerings,
                                                settings: search.settings, table: table, precision: format),
                          seen.insert(spec.setupSlug).inserted else { continue }
                    entries.append(Entry(model: model, modelSlug: slug, setup: setup, spec: spec))
                }
            }
        }
        return entries
    }

    /// The Deploy pages' links, keyed as ``SiteContent/deployLinks``.
    static func links(_ entries: [Entry]) -> [String: String] {
        Dictionary(entries.map {
            (SiteContent.deployKey(model: $0.model.modelName, gpuName: $0.setup.gpuName, gpuCount: $0.setup.gpuCount,
                                   precision: $0.spec.precision), $0.directory)
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Each entry's page and recipe files, and the script.
    static func files(_ entries: [Entry], table: ServingTable?, chrome: SiteChrome = SiteChrome()) -> [SiteFile] {
        guard let table, !entries.isEmpty else { return [] }
        var files: [SiteFile] = []
        for entry in entries {
            files.append(SiteFile(path: entry.directory + "index.html", contents: render(entry, table: table, chrome: chrome)))
            files += RecipeFiles.render(entry.spec, table: table).map { SiteFile(path: entry.directory + $0.name, contents: $0.text) }
        }
        return files
    }

    /// One Deploy page.
    static func render(_ entry: Entry, table: ServingTable, chrome: SiteChrome = SiteChrome()) -> String {
        let spec = entry.spec
        let setup = "\(spec.acceleratorCount)× \(entry.setup.gpuName)"
            + (spec.precision == .checkpoint ? "" : " with \(ModelPage.formatTitle(spec.precision)) weights")
        let shell = PageShell(title: "Deploy \(entry.model.modelName) on \(setup)", section: .performance,
                              rootPath: "../../../", script: SiteAssets.deployScript, chrome: chrome)
        let plan = LaunchPlan(spec: spec, table: table)
        let facts: [(String, String)] = [
            ("GPUs", "\(setup) (\(spec.accelerator) in SkyPilot), TP \(spec.tensorParallel) × PP \(spec.pipelineParallel)"
                + (spec.enableExpertParallel ? ", expert parallel" : "")),
            ("Context", "\(MethodologyPage.number(Double(spec.maxModelLen ?? 0))) tokens per request"),
            ("Streams", "\(spec.maxNumSeqs ?? 1) at once (--max-num-seqs), as the site predicts for its scenario"),
            ("Weights per GPU", spec.sizing.map { String(format: "%.1f GiB (vLLM %@ accounting)", $0.weightsGiBPerGPU, $0.vllmRelease) } ?? "—"),
            ("KV cache per GPU", spec.sizing.map { String(format: "%.1f GiB", $0.kvCacheGiBPerGPU) } ?? "—"),
            ("Engine", "vLLM \(plan.engineVersion), disk \(plan.diskGB) GB, ready within \(plan.loadSeconds / 60) min"),
            ("Offered by", spec.providers.isEmpty ? "—" : spec.providers.joined(separator: ", ")),
        ]
        return shell.render(.group(
            .h1(.text("Deploy \(entry.model.modelName) on \(setup)")),
            .p(escapedAttribute("class", "lede"),
               .text("A launchable recipe for this setup: the vLLM command, and the same server as a SkyPilot task, a dstack "
                   + "service and a script for a machine you already have. Prices are on the "),
               .a(escapedAttribute("href", "../../../models/\(entry.modelSlug)/"), .text("model page")),
               .text("; for another context, concurrency or precision run "), .code(.text("seekgpu recommend --hf \(spec.model ?? "")")),
               .text(".")),
            .h2(.text("Start the server")),
            .div(escapedAttribute("class", "command-block"),
                 .pre(escapedAttribute("class", "command"), .code(.text(VLLMCommand(spec: spec).multiline)))),
            .h2(.text("Recipe files")),
            .ul(escapedAttribute("class", "recipe-files"),
                .forEach(RecipeFiles.names) { name in
                    .li(.a(escapedAttribute("href", name), escapedAttribute("download", name), .code(.text(name))),
                        .text(" — " + description(of: name)))
                }),
            .table(
                escapedAttribute("class", "facts"),
                .caption(.text("What the recipe rests on")),
                .tbody(.forEach(facts) { name, value in .tr(.th(escapedAttribute("scope", "row"), .text(name)), .td(.text(value))) })
            )
        ))
    }

    static func description(of file: String) -> String {
        switch file {
        case "seekgpu.yaml": "the deploy spec every file is rendered from; commit it as .seekgpu.yaml"
        case "skypilot.yaml": "sky serve up skypilot.yaml (or sky launch)"
        case "dstack.yml": "dstack apply -f dstack.yml"
        default: "bash serve.sh on a machine with these GPUs"
        }
    }
}
