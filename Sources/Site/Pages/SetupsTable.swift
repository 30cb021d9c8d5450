import Foundation
import Plot
import SeekCore
import Sizing

/// The Performance view's matrix: per open-weights model, a rank pill, the model's facts and badges,
/// its score and share of the SOTA score, then per stream target (Fit: 1, Scale: 100) the cheapest GPU
/// setup, its monthly cost and what it serves; each cell is tinted by cost.
///
/// The rows come from ``Sizing/PerformanceMatrix``; this component only formats them (through
/// ``SiteFormat``). Every string from the data is escaped. Sortable by any column (`assets/site.js`).
public struct SetupsTable: Component {
    /// The rows to show (ranked or unranked).
    public var rows: [MatrixRow]
    /// The table's caption.
    public var caption: String
    /// Relative path from the page to the site root, for the links to model pages.
    public var rootPath: String
    /// The models.json rows by name, for the facts line (parameters, minimum VRAM, precision, licence).
    public var models: [String: ModelSpec]
    /// The category's SOTA (closed or open), named in the header.
    public var sota: SOTAEntry?
    /// Sizing constants, for the minimum VRAM.
    public var assumptions: SizingAssumptions
    /// The Deploy page of a row's cell setup, relative to the page, when the site has one.
    public var deploy: @Sendable (MatrixRow, GPUSetup?) -> String?
    /// The category's open-weights models without a size, listed at the bottom with the reason.
    public var unsized: [UnsizedRow]
    /// Each model's rank among the category's open-weights models (sized or not); nil: the rows' order.
    public var ranks: [String: Int]?
    /// The closed API each row is compared with at ``APIVerdict/defaultRequestsPerMonth``; nil: no column.
    public var api: APIPrice?
    /// Each row's verdict against ``api``, by model name.
    public var verdicts: [String: APIVerdict]

    /// Creates a table.
    public init(rows: [MatrixRow], caption: String, rootPath: String = "", models: [ModelSpec] = [],
                sota: SOTAEntry? = nil, assumptions: SizingAssumptions = .seekgpu,
                unsized: [UnsizedRow] = [], ranks: [String: Int]? = nil, api: APIPrice? = nil,
                verdicts: [String: APIVerdict] = [:],
                deploy: @escaping @Sendable (MatrixRow, GPUSetup?) -> String? = { _, _ in nil }) {
        self.rows = rows
        self.caption = caption
        self.rootPath = rootPath
        self.models = Dictionary(models.map { ($0.modelName, $0) }, uniquingKeysWith: { first, _ in first })
        self.sota = sota
        self.assumptions = assumptions
        self.deploy = deploy
        self.unsized = unsized
        self.ranks = ranks
        self.api = api
        self.verdicts = verdicts
    }

    /// The rendered table.
    public var body: Component {
        let streams = rows.first?.cells.map(\.minStreams) ?? []
        let costs = rows.flatMap { $0.cells.compactMap { $0.setup?.monthlyCost } }
        let tint = CostTint(costs: costs)
        return scrollRegion(
            label: caption,
            .table(
                escapedAttribute("class", "setups matrix sortable"),
                .caption(.text(caption)),
                .thead(.tr(
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num rank-col"), .text("#")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "model"), .text("Model")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"),
                        .text("% of SOTA"),
                        .unwrap(sota) { sota in
                            .span(escapedAttribute("class", "sub"),
                                  .text("SOTA: \(DisplayName.model(sota.sotaModelName)) (\(LeaderboardTable.formatScore(sota.sotaScore)))"))
                        }),
                    .forEach(streams) { count in
                        .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num cell-col"),
                            .text(count == 1 ? "Fit" : "Scale"),
                            .span(escapedAttribute("class", "sub"),
                                  .text("cheapest setup for \(SiteFormat.count(count, "stream")) · cost per month")))
                    },
                    .unwrap(api) { api in
                        .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num verdict-col"),
                            .text("vs. best closed API"),
                            .span(escapedAttribute("class", "sub"),
                                  .text("self-hosting against \(DisplayName.model(api.modelName)) at "
                                      + "\(SiteFormat.requests(APIVerdict.defaultRequestsPerMonth)) requests per month")))
                    },
                )),
                .tbody(.forEach(rows.enumerated()) { index, row in
                    self.row(row, rank: row.isUnranked ? nil : ranks?[row.modelName] ?? index + 1, tint: tint)
                }),
                .if(!unsized.isEmpty, .tbody(
                    escapedAttribute("class", "unsized"),
                    .forEach(unsized) { row in self.unsizedRow(row, columns: streams.count + (api == nil ? 0 : 1)) }
                ))
            )
        )
    }

    private func row(_ row: MatrixRow, rank: Int?, tint: CostTint) -> Node<HTML.TableContext> {
        let model = models[row.modelName]
        return .tr(
            escapedAttribute("data-model", row.modelName),
            .unwrap(model?.licenseName) { escapedAttribute("data-licence", $0) },
            Self.rankCell(rank),
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"), escapedAttribute("data-sort", row.modelName.lowercased()),
                .unwrap(ModelPage.slug(of: row.modelName), { slug in
                    .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(row.modelName))
                }, else: .text(row.modelName)),
                .unwrap(model?.hfModelID) { repo in
                    .a(escapedAttribute("class", "hf-link"), escapedAttribute("href", "https://huggingface.co/\(repo)"),
                       escapedAttribute("rel", "noopener"), escapedAttribute("title", "\(repo) on Hugging Face"),
                       .raw(Icons.external), .span(escapedAttribute("class", "visually-hidden"), .text("\(repo) on Hugging Face")))
                },
                .unwrap(model) { model in ModelFacts(model: model, assumptions: assumptions).node }),
            Self.scoreCells(score: row.benchmarkScore, percentOfSOTA: row.percentOfSOTA),
            .forEach(row.cells) { cell in self.cell(cell, row: row, tint: tint) },
            .unwrap(api) { _ in verdictCell(verdicts[row.modelName], row: row) }
        )
    }

    /// The rank pill (`#1`…), or a dash for an unranked row.
    static func rankCell(_ rank: Int?) -> Node<HTML.TableRowContext> {
        .td(escapedAttribute("class", "num rank-col"), escapedAttribute("data-sort", rank.map(String.init) ?? ""),
            .unwrap(rank, { rank in
                .span(escapedAttribute("class", "rank rank-\(min(rank, 4))"), .text("#\(rank)"))
            }, else: .span(escapedAttribute("class", "rank rank-none"), .text("—"))))
    }

    /// The score and share-of-SOTA cells, with their card labels and sort values.
    static func scoreCells(score: Double?, percentOfSOTA: Double?) -> Node<HTML.TableRowContext> {
        .group(
            .td(escapedAttribute("class", "num"), escapedAttribute("data-label", "Score"),
                escapedAttribute("data-sort", score.map { String($0) } ?? ""),
                .text(score.map(LeaderboardTable.formatScore) ?? "—")),
            .td(escapedAttribute("class", "num"), escapedAttribute("data-label", "% of SOTA"),
                escapedAttribute("data-sort", percentOfSOTA.map { String($0) } ?? ""),
                .text(percentOfSOTA.map { SiteFormat.percent(fraction: $0) } ?? "—"))
        )
    }

    /// A model the leaderboard ranks but seekgpu could not size: its rank, score and share of SOTA, then
    /// across the setup columns why, and what a maintainer does about it.
    func unsizedRow(_ row: UnsizedRow, columns: Int) -> Node<HTML.TableContext> {
        .tr(
            escapedAttribute("data-model", row.modelName),
            escapedAttribute("data-unsized", row.reason.rawValue),
            Self.rankCell(ranks?[row.modelName]),
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"), escapedAttribute("data-sort", row.modelName.lowercased()),
                .text(DisplayName.model(row.modelName)),
                .div(escapedAttribute("class", "facts"), .span(escapedAttribute("class", "badge unsized"), .text("not sized")))),
            Self.scoreCells(score: row.benchmarkScore, percentOfSOTA: row.percentOfSOTA),
            .td(escapedAttribute("class", "unsized-reason"), escapedAttribute("colspan", String(columns)),
                escapedAttribute("data-sort", ""),
                .span(escapedAttribute("class", "reason"), .text("Not sized: \(row.reason.summary).")),
                .span(escapedAttribute("class", "meta"), .text("Maintainers: \(row.reason.action).")),
                .if(!row.detail.isEmpty, .span(escapedAttribute("class", "meta detail"), .text(row.detail))))
        )
    }

    /// `≈ 4.1× cheaper` over `$5,280 vs $21,400 /mo`, or a dash without a verdict.
    private func verdictCell(_ verdict: APIVerdict?, row: MatrixRow) -> Node<HTML.TableRowContext> {
        guard let verdict else {
            let why = row.cells.contains { $0.setup != nil } ? "throughput not modeled" : "no priced setup"
            return .td(escapedAttribute("class", "num verdict"), escapedAttribute("data-label", verdictLabel),
                       escapedAttribute("data-sort", ""),
                       .span(escapedAttribute("class", "ratio"), .text("—")), .span(escapedAttribute("class", "meta"), .text(why)))
        }
        return .td(
            escapedAttribute("class", "num verdict \(verdict.selfHostingIsCheaper ? "cheaper" : "dearer")"),
            escapedAttribute("data-label", verdictLabel),
            escapedAttribute("data-sort", String(verdict.ratio)),
            .span(escapedAttribute("class", "ratio"), .text(Self.verdictText(verdict))),
            .span(escapedAttribute("class", "meta"),
                  .text("\(SiteFormat.perMonth(verdict.selfHostedMonthlyCost)) vs \(SiteFormat.perMonth(verdict.apiMonthlyCost)) per month"))
        )
    }

    /// A cell's label in the phone's card layout: `Fit · 1 stream`.
    static func cellLabel(_ cell: MatrixCell) -> String {
        (cell.minStreams == 1 ? "Fit" : "Scale") + " · " + SiteFormat.count(cell.minStreams, "stream")
    }

    /// The verdict's label in the phone's card layout.
    private var verdictLabel: String {
        api.map { "vs. \(DisplayName.model($0.modelName)) at \(SiteFormat.requests(APIVerdict.defaultRequestsPerMonth)) requests/mo" } ?? ""
    }

    /// `≈ 4.1× cheaper`, `≈ 2.3× dearer`, `about the same`.
    static func verdictText(_ verdict: APIVerdict) -> String {
        let ratio = verdict.ratio
        guard ratio > 0, ratio.isFinite else { return "—" }
        let factor = ratio >= 1 ? ratio : 1 / ratio
        if factor < 1.05 { return "about the same" }
        return "≈ " + SiteFormat.number(factor, digits: factor >= 10 ? 0 : 1) + "× " + (ratio >= 1 ? "cheaper" : "dearer")
    }

    private func cell(_ cell: MatrixCell, row: MatrixRow, tint: CostTint) -> Node<HTML.TableRowContext> {
        guard let setup = cell.setup else {
            return .td(escapedAttribute("class", "num setup-cell none"), escapedAttribute("data-label", Self.cellLabel(cell)),
                       escapedAttribute("data-sort", ""),
                       .span(escapedAttribute("class", "meta"), .text("No priced setup of up to 8 GPUs")))
        }
        return .td(
            escapedAttribute("class", "num setup-cell \(tint.className(setup.monthlyCost))"),
            escapedAttribute("data-label", Self.cellLabel(cell)),
            escapedAttribute("data-sort", String(setup.monthlyCost)),
            .span(escapedAttribute("class", "gpus"), .text("\(setup.gpuCount)× \(setup.gpuName)"),
                  .if(setup.isProjected, .span(escapedAttribute("class", "badge projected"), .text("projected")))),
            .span(escapedAttribute("class", "cost"), .text(SiteFormat.perMonth(setup.monthlyCost) + "/mo")),
            .span(escapedAttribute("class", "meta"), .text(Self.meta(setup))),
            .unwrap(deploy(row, setup)) { href in
                .a(escapedAttribute("href", href), escapedAttribute("class", "deploy"), .text("Deploy"))
            }
        )
    }

    /// `up to 19 streams · 127 tok/s · $1,137/stream`: what the setup serves at most (the column's target is a
    /// minimum), in muted text.
    static func meta(_ setup: GPUSetup) -> String {
        (["up to " + SiteFormat.count(setup.maxConcurrentStreams, "stream")]
            + (setup.decodeThroughputTokS.map { [SiteFormat.tokensPerSecond($0)] } ?? [])
            + [SiteFormat.perMonth(setup.costPerStreamPerMonth) + "/stream"]).joined(separator: " · ")
    }

    /// `8× B300 · $43,200/mo · 99 streams`, or `No priced setup` when no setup of up to 8 GPUs serves it.
    static func describe(_ cell: MatrixCell) -> String {
        guard let setup = cell.setup else { return "No priced setup of up to 8 GPUs" }
        return "\(setup.gpuCount)× \(setup.gpuName) · \(SiteFormat.perMonth(setup.monthlyCost))/mo · \(meta(setup))"
            + (setup.isProjected ? " (projected)" : "")
    }
}

/// Five cost bands on a log scale between a table's cheapest and dearest setup: `tint-1` (green) … `tint-5` (red).
struct CostTint {
    var low: Double
    var high: Double

    init(costs: [Double]) {
        let positive = costs.filter { $0 > 0 }
        low = positive.min() ?? 0
        high = positive.max() ?? 0
    }

    func className(_ cost: Double) -> String {
        guard low > 0, high > low, cost > 0 else { return "tint-1" }
        let t = (log(cost) - log(low)) / (log(high) - log(low))
        return "tint-\(min(5, max(1, Int((t * 5).rounded(.down)) + 1)))"
    }
}
