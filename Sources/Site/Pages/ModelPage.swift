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
    public static func render(_ model: ModelSpec, search: SetupSearch, history: [Snapshot]) -> String {
        let shell = PageShell(title: "\(model.modelName) · \(PageShell.siteName)", section: .performance, rootPath: "../../")
        let setups = search.setups(for: model, concurrency: 1)
        let scores: [(Day, Double)] = history.compactMap { snapshot in
            snapshot.entries.first { $0.modelName == model.modelName && $0.benchmarkName == "overall" }
                .map { (snapshot.day, $0.score) }
        }
        let facts: [(String, String)] = [
            ("Parameters", String(format: "%.1f B total, %.1f B active", model.learnableParamsB, model.activeParamsB)),
            ("Architecture", model.architecture),
            ("Precision", model.precision ?? "unknown"),
            ("Attention", model.attentionType ?? "unknown"),
            ("Context length", model.contextLength.map { "\($0) tokens" } ?? "unknown"),
            ("Weights in memory", String(format: "%.1f GB", model.weightMemoryGB())),
            ("KV cache per token", String(format: "%.0f bytes (16-bit cache)", model.kvCacheBytesPerToken())),
            ("Licence", model.licenseName ?? "unknown"),
        ]
        return shell.render(.group(
            .h1(.text(model.modelName)),
            .table(
                escapedAttribute("class", "facts"),
                .caption(.text("Specifications")),
                .tbody(.forEach(facts) { name, value in
                    .tr(.th(escapedAttribute("scope", "row"), .text(name)), .td(.text(value)))
                })
            ),
            .h2(.text("Setups that serve it")),
            setups.isEmpty
                ? .p(.text("No priced setup of up to 8 GPUs holds this model."))
                : .div(
                    escapedAttribute("class", "table-scroll"),
                    .table(
                        escapedAttribute("class", "setups"),
                        .caption(.text("Priced GPU setups serving at least one stream, cheapest first")),
                        .thead(.tr(
                            .th(escapedAttribute("scope", "col"), .text("GPUs")),
                            .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Monthly cost")),
                            .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Streams")),
                            .th(escapedAttribute("scope", "col"), .text("Interconnect"))
                        )),
                        .tbody(.forEach(setups) { setup in
                            .tr(
                                .th(escapedAttribute("scope", "row"), .text("\(setup.gpuCount)× \(setup.gpuName)")),
                                .td(escapedAttribute("class", "num"), .text(SetupsTable.money(setup.monthlyCost))),
                                .td(escapedAttribute("class", "num"), .text(String(setup.maxConcurrentStreams))),
                                .td(.text(setup.interconnect))
                            )
                        })
                    )
                ),
            .h2(.text("Overall score over time")),
            scores.isEmpty
                ? .p(.text("No overall score in the OpenHands Index yet."))
                : .table(
                    escapedAttribute("class", "history"),
                    .caption(.text("Overall OpenHands Index score by snapshot")),
                    .thead(.tr(.th(escapedAttribute("scope", "col"), .text("Snapshot")),
                               .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")))),
                    .tbody(.forEach(scores) { day, score in
                        .tr(.td(.a(escapedAttribute("href", "../../snapshots/\(day.iso)/"), .text(day.iso))),
                            .td(escapedAttribute("class", "num"), .text(LeaderboardTable.formatScore(score))))
                    })
                )
        ))
    }
}
