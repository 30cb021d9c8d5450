import Foundation
import Plot
import SeekCore
import Sizing

/// The Performance view's matrix: per open-weights model, the cheapest GPU setup that serves one
/// stream (Fit) and the one that serves 100 (Scale), with monthly cost and % of the SOTA score.
///
/// The rows come from ``Sizing/PerformanceMatrix``; this component only formats them. Every string
/// from the data is escaped.
public struct SetupsTable: Component {
    /// The rows to show (ranked or unranked).
    public var rows: [MatrixRow]
    /// The table's caption.
    public var caption: String
    /// Relative path from the page to the site root, for the links to model pages.
    public var rootPath: String
    /// The Deploy page of a row's cell setup, relative to the page, when the site has one.
    public var deploy: @Sendable (MatrixRow, GPUSetup?) -> String?

    /// Creates a table.
    public init(rows: [MatrixRow], caption: String, rootPath: String = "",
                deploy: @escaping @Sendable (MatrixRow, GPUSetup?) -> String? = { _, _ in nil }) {
        self.rows = rows
        self.caption = caption
        self.rootPath = rootPath
        self.deploy = deploy
    }

    /// The rendered table.
    public var body: Component {
        let streams = rows.first?.cells.map(\.minStreams) ?? []
        return scrollRegion(
            label: caption,
            .table(
                escapedAttribute("class", "setups"),
                .caption(.text(caption)),
                .thead(.tr(
                    .th(escapedAttribute("scope", "col"), .text("Model")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("Score")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("% of SOTA")),
                    .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text("API cost of the benchmark")),
                    .forEach(streams) { count in
                        .th(escapedAttribute("scope", "col"),
                            .text(count == 1 ? "Fit: 1 stream" : "Scale: \(count) streams"))
                    }
                )),
                .tbody(.forEach(rows) { row($0) })
            )
        )
    }

    private func row(_ row: MatrixRow) -> Node<HTML.TableContext> {
        .tr(
            escapedAttribute("data-model", row.modelName),
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"),
                .unwrap(ModelPage.slug(of: row.modelName), { slug in
                    .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(row.modelName))
                }, else: .text(row.modelName))),
            .td(escapedAttribute("class", "num"), .text(row.benchmarkScore.map(LeaderboardTable.formatScore) ?? "—")),
            .td(escapedAttribute("class", "num"), .text(row.percentOfSOTA.map { String(format: "%.1f %%", $0 * 100) } ?? "—")),
            .td(escapedAttribute("class", "num"), .text(row.totalBenchmarkCost.map(Self.money) ?? "—")),
            .forEach(row.cells) { cell in
                .td(.text(Self.describe(cell)),
                    .unwrap(deploy(row, cell.setup)) { href in
                        .group(.text(" · "), .a(escapedAttribute("href", href), escapedAttribute("class", "deploy"), .text("Deploy")))
                    })
            }
        )
    }

    /// `8× B300 · $43,200/mo · 99 streams`, or `Exceeds capacity` when no setup of up to 8 GPUs serves it.
    static func describe(_ cell: MatrixCell) -> String {
        guard let setup = cell.setup else { return "Exceeds capacity" }
        return "\(setup.gpuCount)× \(setup.gpuName) · \(money(setup.monthlyCost))/mo · \(setup.maxConcurrentStreams) streams"
            + (setup.decodeThroughputTokS.map { " · \(Int($0.rounded())) tok/s" } ?? "")
            + (setup.isProjected ? " (projected)" : "")
    }

    /// USD with thousands separators and cents only when not whole: `$43,200`, `$19,828.80`.
    static func money(_ value: Double) -> String {
        let cents = (value * 100).rounded()
        let whole = Int(cents / 100)
        let fraction = Int(cents.truncatingRemainder(dividingBy: 100))
        let text = "$" + groupedDigits(String(whole))
        return fraction == 0 ? text : text + String(format: ".%02d", fraction)
    }
}
