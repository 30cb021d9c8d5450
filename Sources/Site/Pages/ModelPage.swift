import Foundation
import Plot
import SeekCore
import Sizing

/// A page per open-weights model at `models/NAME/`: its specs, KV cache per token, every
/// priced setup that serves one stream, and its score history.
public enum ModelPage {
    /// The folder name of a model's page, or nil when the name is not a safe path component
    /// (letters, digits, `.`, `-`, `_`; not starting with `.`). Such models get no page.
    public static func slug(of name: String) -> String? {
        guard !name.isEmpty, !name.hasPrefix("."), name.count <= 100,
              name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return nil }
        return name
    }

    /// Renders the page.
    /// - Parameters:
    ///   - model: the models.json row.
    ///   - search: priced setups and settings.
    ///   - history: every published snapshot, oldest first, for the overall score history.
    ///   - deployLinks: The site's Deploy pages (``SiteContent/deployLinks``).
    ///   - formats: ``setupsByFormat(_:search:)`` when already computed.
    ///   - api: The best closed API of the overall leaderboard, for the break-even section; nil leaves it out.
    public static func render(_ model: ModelSpec, search: SetupSearch, history: [Snapshot],
                              deployLinks: [String: String] = [:],
                              formats given: [(ServingQuantization, ModelSpec, [GPUSetup])]? = nil,
                              api: APIPrice? = nil,
                              chrome: SiteChrome = SiteChrome()) -> String {
        let shell = PageShell(title: "\(model.modelName) · \(PageShell.siteName)", section: .performance, rootPath: "../../",
                              chrome: chrome)
        let formats = given ?? setupsByFormat(model, search: search)
        let setups = formats.first?.2 ?? search.setups(for: model, concurrency: 1, limit: Int.max)
        let scores: [(Day, Double)] = history.compactMap { snapshot in
            snapshot.entries.first { $0.modelName == model.modelName && $0.benchmarkName == "overall" }
                .map { (snapshot.day, $0.score) }
        }
        let latest = history.last.map { snapshot in
            snapshot.entries.filter { $0.modelName == model.modelName }
        } ?? []
        return shell.render(.group(
            .h1(.text(model.modelName)),
            .unwrap(model.hfModelID) { id in
                .p(escapedAttribute("class", "lede"), .text("Hugging Face repository: "),
                   .a(escapedAttribute("href", "https://huggingface.co/\(id)"), escapedAttribute("rel", "noopener"), .code(.text(id))))
            },
            ModelFacts(model: model, assumptions: search.assumptions).node,
            .unwrap(api) { api in APIBreakEven(model: model, setups: setups, api: api, search: search).node },
            factsTable(model, search: search),
            .if(!latest.isEmpty, .group(
                .h2(.text("Latest scores")),
                scrollRegion(label: "Latest scores", .table(
                    escapedAttribute("class", "history"),
                    .caption(.text("OpenHands Index scores in the snapshot of \(history.last.map { SiteFormat.date($0.day) } ?? "")")),
                    .thead(.tr(.th(escapedAttribute("scope", "col"), .text("Category")),
                               .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")),
                               .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Cost per task")))),
                    .tbody(.forEach(latest) { entry in
                        .tr(.th(escapedAttribute("scope", "row"), .text(entry.benchmarkDisplayName)),
                            .td(escapedAttribute("class", "num"), .text(LeaderboardTable.formatScore(entry.score))),
                            .td(escapedAttribute("class", "num"), .text(entry.costPerTask.map(SiteFormat.money) ?? "—")))
                    })
                ))
            )),
            .h2(.text("Setups that serve it")),
            setups.isEmpty
                ? .p(.text("No priced setup of up to 8 GPUs holds this model."))
                : setupsTable(setups, search: search) { setup in
                    deployLinks[SiteContent.deployKey(model: model.modelName, gpuName: setup.gpuName, gpuCount: setup.gpuCount)]
                        .map { "../../" + $0 }
                },
            .forEach(formats.dropFirst()) { format, _, formatSetups in
                .group(
                    .h3(.text("With \(formatTitle(format)) weights")),
                    .p(.text("vLLM quantizes the 16-bit checkpoint when it loads it (--quantization \(format.vllmFlag ?? "")"
                        + (format.architectures.map { "; " + $0.sorted().joined(separator: ", ") + " GPUs only" } ?? "")
                        + "); see Methodology.")),
                    formatSetups.isEmpty
                        ? .p(.text("No priced setup of up to 8 GPUs holds it in this format."))
                        : setupsTable(formatSetups, search: search) { setup in
                            deployLinks[SiteContent.deployKey(model: model.modelName, gpuName: setup.gpuName,
                                                              gpuCount: setup.gpuCount, precision: format)].map { "../../" + $0 }
                        }
                )
            },
            .h2(.text("Overall score over time")),
            scores.isEmpty
                ? .p(.text("No overall score in the OpenHands Index yet."))
                : scrollRegion(label: "Overall score over time", .table(
                    escapedAttribute("class", "history"),
                    .caption(.text("Overall OpenHands Index score by snapshot")),
                    .thead(.tr(.th(escapedAttribute("scope", "col"), .text("Snapshot")),
                               .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")))),
                    .tbody(.forEach(scores) { day, score in
                        .tr(.td(.a(escapedAttribute("href", "../../snapshots/\(day.iso)/"), .text(SiteFormat.date(day)))),
                            .td(escapedAttribute("class", "num"), .text(LeaderboardTable.formatScore(score))))
                    })
                ))
        ))
    }

    /// The setups per weight format: the checkpoint's first, then FP8 and INT4 for a 16-bit checkpoint (FP8 only on
    /// GPUs that run it), each with the row as sized.
    static func setupsByFormat(_ model: ModelSpec, search: SetupSearch) -> [(ServingQuantization, ModelSpec, [GPUSetup])] {
        ServingQuantization.allCases.compactMap { format in
            model.served(as: format).map { served in
                (format, served, search.restricted(to: format).setups(for: served, concurrency: 1, limit: Int.max))
            }
        }
    }

    /// `FP8`, `INT4`.
    static func formatTitle(_ format: ServingQuantization) -> String { format.rawValue.uppercased() }

    /// The specifications, with the memory figures the sizing starts from.
    static func factsTable(_ model: ModelSpec, search: SetupSearch) -> Node<HTML.BodyContext> {
        let a = search.assumptions
        let kv16 = model.kvCacheBytesPerToken(kvBytes: 2)
        let context = search.settings.contextTokens
        let facts: [(String, String)] = [
            ("Parameters", "\(SiteFormat.number(model.learnableParamsB, digits: 1)) B total, "
                + "\(SiteFormat.number(model.activeParamsB, digits: 1)) B active"),
            ("Architecture", model.architecture),
            ("Precision", model.precision ?? "unknown"),
            ("Attention", model.attentionType ?? "unknown"),
            ("Context length", model.contextLength.map { SiteFormat.count($0, "token") } ?? "unknown"),
            ("Weights in memory", SiteFormat.gigabytes(model.weightMemoryGB().rounded(.up))),
            ("Minimum VRAM", "\(SiteFormat.gigabytes(model.minVRAMGB(assumptions: a).rounded(.up))) (weights × \(MethodologyPage.number(a.weightOverheadFactor)))"),
            ("KV cache per token", kv16 > 0
                ? "\(SiteFormat.number(kv16)) bytes at 16 bits, \(SiteFormat.number(kv16 / 2)) at FP8; "
                    + SiteFormat.number(kv16 * context / 1_073_741_824, digits: 2) + " GB per \(SiteFormat.integer(Int(context)))-token stream"
                : "not modeled"),
            ("Speed model", model.throughputState == .modeled ? "modeled"
                : "not modeled for this architecture (memory and cost only)"),
            ("Licence", model.licenseName ?? "unknown"),
        ]
        return .table(
            escapedAttribute("class", "facts"),
            .caption(.text("Specifications")),
            .tbody(.forEach(facts) { name, value in
                .tr(.th(escapedAttribute("scope", "row"), .text(name)), .td(.text(value)))
            })
        )
    }

    /// Every priced setup that serves at least one stream, cheapest first.
    static func setupsTable(_ setups: [GPUSetup], search: SetupSearch,
                            deploy: (GPUSetup) -> String? = { _ in nil }) -> Node<HTML.BodyContext> {
        scrollRegion(label: "Setups that serve it", .table(
            escapedAttribute("class", "setups"),
            .caption(.text("Every priced GPU setup serving at least one stream at 20 tokens/s, cheapest first")),
            .thead(.tr(
                .th(escapedAttribute("scope", "col"), .text("GPUs")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Monthly cost")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Streams")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Decode tok/s")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Requests/h")),
                .th(escapedAttribute("scope", "col"), .text("Interconnect")),
                .th(escapedAttribute("scope", "col"), .text("Recipe"))
            )),
            .tbody(.forEach(setups) { setup in
                .tr(
                    .th(escapedAttribute("scope", "row"), .text("\(setup.gpuCount)× \(setup.gpuName)")),
                    .td(escapedAttribute("class", "num"), .text(SiteFormat.perMonth(setup.monthlyCost))),
                    .td(escapedAttribute("class", "num"), .text(SiteFormat.integer(setup.maxConcurrentStreams))),
                    .td(escapedAttribute("class", "num"), .text(setup.decodeThroughputTokS.map { SiteFormat.number($0, digits: 1) } ?? "—")),
                    .td(escapedAttribute("class", "num"), .text(setup.deploymentEstimate?.requestsPerHour(assumptions: search.assumptions)
                        .map { SiteFormat.number($0) } ?? "—")),
                    .td(.text(InterconnectLabel.of(gpuName: setup.gpuName, gpuCount: setup.gpuCount, specs: search.specs))),
                    .td(.unwrap(deploy(setup), { .a(escapedAttribute("href", $0), .text("Deploy")) }, else: .text("—")))
                )
            })
        ))
    }
}
