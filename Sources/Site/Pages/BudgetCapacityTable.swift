import Foundation
import Plot
import Sizing

/// The Serving Capacity section (§1.4.1): per model, whether it fits the GPU configuration and how
/// many requests per hour and developers it serves, as a table with an inline bar per row.
struct BudgetCapacityTable {
    /// The chart points, in §2.15 order (ranked by score, then unranked by min VRAM).
    var points: [BudgetPoint]
    /// The selected preset.
    var preset: BudgetPreset
    /// Memory utilisation the points were computed at, 0…1.
    var memoryUtilization: Double
    /// Relative path from the page to the site root.
    var rootPath: String
    /// Requests one developer sends per hour (team size = floor(requests/h ÷ this)).
    var requestsPerDeveloperHour: Double
    /// Whether gpu_specs.json has the GPU's datasheet. Without it the sizing engine cannot estimate
    /// streams and reports every model whose weights fit as "Not enough VRAM for KV cache" (as the
    /// reference does); the page says "Not estimated" instead, and why.
    var hasDatasheet: Bool = true
    /// The site's Deploy pages (``SiteContent/deployLinks``): a model that fits links its page for this configuration.
    var deployLinks: [String: String] = [:]
    /// Each model's score and share of SOTA per category, for the category choice (``BudgetCategoryChoice``).
    var categoryScores: [String: [(category: String, score: Double, percent: Double?)]] = [:]

    /// The section's nodes.
    var node: Node<HTML.BodyContext> {
        let caption = "Serving capacity on \(preset.config.label)"
        return .section(
            escapedAttribute("class", "budget-capacity"),
            escapedAttribute("aria-labelledby", "budget-capacity-title"),
            .h2(escapedAttribute("id", "budget-capacity-title"), .text("Serving capacity")),
            .p(escapedAttribute("class", "lede"),
               .text("Request throughput and team capacity for each model on \(preset.config.label) (\(preset.badge)), "
                   + "at \(SiteFormat.percent(fraction: memoryUtilization, digits: 0)) GPU memory utilization. "
                   + "Team size counts developers at \(SiteFormat.number(requestsPerDeveloperHour)) requests per developer-hour.")),
            points.isEmpty
                ? .p(escapedAttribute("class", "empty"), .text("No models available for the selected benchmark category."))
                : scrollRegion(label: caption, table(caption: caption)),
            notes
        )
    }

    /// Modeled models that do not fit (§1.4.1 note), in table order.
    var notAccommodated: [String] {
        points.filter { $0.throughputModeled && !$0.fits && !notEstimated($0) }.map(\.modelName)
    }

    /// The weights fit, but without a datasheet nothing else could be estimated.
    func notEstimated(_ point: BudgetPoint) -> Bool {
        !hasDatasheet && !point.fits && point.doesntFitReason == "Not enough VRAM for KV cache"
    }

    /// Models whose throughput is not modeled (§1.4.1 note), in table order.
    var unmodeled: [String] { points.filter { !$0.throughputModeled }.map(\.modelName) }

    private var notes: Node<HTML.BodyContext> {
        .group(
            .if(points.contains(where: notEstimated), .p(
                escapedAttribute("class", "budget-note"),
                .text("There is no datasheet for \(preset.config.gpuName) in our GPU specs, so streams and throughput "
                    + "cannot be estimated on this configuration; models whose weights fit are marked “Not estimated”.")
            )),
            .if(!notAccommodated.isEmpty, .p(
                escapedAttribute("class", "budget-note"),
                .text("The current GPU setup cannot accommodate \(BudgetFormat.joined(notAccommodated)). Try a larger setup.")
            )),
            .if(!unmodeled.isEmpty, .p(
                escapedAttribute("class", "budget-note"),
                .text("Some architectures are not supported in our capacity calculations: \(BudgetFormat.joined(unmodeled)).")
            ))
        )
    }

    private func table(caption: String) -> Node<HTML.BodyContext> {
        let maxRate = points.compactMap(\.requestsPerHour).max() ?? 0
        return .table(
            escapedAttribute("class", "budget-table capacity"),
            .caption(.text(caption)),
            .thead(.tr(
                .th(escapedAttribute("scope", "col"), .text("Model")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("% of SOTA")),
                .th(escapedAttribute("scope", "col"), .text("Fits?")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Streams")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Decode")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "rate"), .text("Requests / h")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Team (devs)")),
                .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Weights"))
            )),
            .tbody(.forEach(points) { row($0, maxRate: maxRate) })
        )
    }

    private func row(_ point: BudgetPoint, maxRate: Double) -> Node<HTML.TableContext> {
        let rate = point.fits ? point.requestsPerHour : nil
        let team = rate.map { requestsPerDeveloperHour > 0 ? Int(($0 / requestsPerDeveloperHour).rounded(.down)) : 0 }
        let classes = ["budget-row", point.fits ? "fits" : "no-fit", point.isUnranked ? "unranked" : nil,
                       point.throughputModeled ? nil : "unmodeled"].compactMap { $0 }
        return .tr(
            escapedAttribute("class", classes.joined(separator: " ")),
            escapedAttribute("data-model", point.modelName),
            .forEach(categoryScores[point.modelName] ?? []) { item in
                .group(escapedAttribute("data-score-\(item.category)", LeaderboardTable.formatScore(item.score)),
                       escapedAttribute("data-percent-\(item.category)", item.percent.map { SiteFormat.percent(fraction: $0) } ?? "—"))
            },
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"),
                .unwrap(ModelPage.slug(of: point.modelName), { slug in
                    .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(point.modelName))
                }, else: .text(point.modelName)),
                .if(point.isUnranked, .span(escapedAttribute("class", "badge unranked-badge"), .text("Unranked")))),
            .td(escapedAttribute("class", "num score"), .text(point.benchmarkScore.map(LeaderboardTable.formatScore) ?? "—")),
            .td(escapedAttribute("class", "num percent"),
                .text(point.percentOfSOTA.map { SiteFormat.percent($0) } ?? "—")),
            .td(point.fits
                ? .group(.span(escapedAttribute("class", "fit-yes"), .text("Yes")),
                         .unwrap(deployLinks[SiteContent.deployKey(model: point.modelName, gpuName: preset.config.gpuName,
                                                                   gpuCount: preset.config.gpuCount)]) { href in
                             .group(.text(" · "), .a(escapedAttribute("href", rootPath + href), escapedAttribute("class", "deploy"),
                                                    .text("Deploy")))
                         })
                : .span(escapedAttribute("class", "fit-no"),
                        .text(notEstimated(point) ? "Not estimated" : point.doesntFitReason ?? "No"))),
            .td(escapedAttribute("class", "num"), .text(point.fits ? SiteFormat.integer(point.maxConcurrentStreams) : "—")),
            .td(escapedAttribute("class", "num"),
                .text(point.fits ? point.decodeThroughputTokS.map(SiteFormat.tokensPerSecond) ?? "—" : "—")),
            .td(escapedAttribute("class", "rate"), rateCell(point, rate: rate, maxRate: maxRate)),
            .td(escapedAttribute("class", "num"), .text(team.map(SiteFormat.integer) ?? "—")),
            .td(escapedAttribute("class", "num"), .text(SiteFormat.gigabytes(point.modelMemoryGB.rounded(.up))))
        )
    }

    /// The number as text, then a decorative bar scaled to the largest rate on the page.
    private func rateCell(_ point: BudgetPoint, rate: Double?, maxRate: Double) -> Node<HTML.BodyContext> {
        guard let rate else {
            let text = !point.fits ? "—" : point.throughputModeled ? "—" : "Not modeled"
            return .span(escapedAttribute("class", "rate-value muted"), .text(text))
        }
        let width = maxRate > 0 ? max(1, min(100, rate / maxRate * 100)) : 0
        return .group(
            .span(escapedAttribute("class", "rate-value"), .text(BudgetFormat.requestsPerHour(rate))),
            .span(escapedAttribute("class", "bar"), escapedAttribute("aria-hidden", "true"),
                  .span(escapedAttribute("class", "bar-fill"), escapedAttribute("style", "width: \(String(format: "%.1f", width))%")))
        )
    }
}
