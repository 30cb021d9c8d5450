import Foundation
import Plot
import SeekCore

/// An accessible leaderboard table for one category of a snapshot.
///
/// Pure: the snapshot in, HTML out. Every string from the data goes through Plot's `.text` (escaped) or,
/// inside attributes, through ``attributeValue(_:)``. Wrapped in a horizontally scrolling container so
/// it stays readable on narrow screens.
public struct LeaderboardTable: Component {
    /// The snapshot whose rows are shown.
    public var snapshot: Snapshot
    /// The category, as in `BenchmarkEntry.benchmarkName`, e.g. `overall`.
    public var category: String
    /// The models with a model page; their names link to it.
    public var modelPages: Set<String>
    /// Relative path from the page to the site root.
    public var rootPath: String

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - snapshot: The snapshot to show.
    ///   - category: The category whose rows are shown (default `overall`).
    ///   - modelPages: The models with a model page (linked from their names).
    ///   - rootPath: Relative path from the page to the site root.
    public init(snapshot: Snapshot, category: String = "overall", modelPages: Set<String> = [], rootPath: String = "") {
        self.snapshot = snapshot
        self.category = category
        self.modelPages = modelPages
        self.rootPath = rootPath
    }

    /// The category's rows, by rank (stable for equal ranks).
    public var rows: [BenchmarkEntry] {
        snapshot.entries.enumerated()
            .filter { $0.element.benchmarkName == category }
            .sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element)
    }

    /// The table's caption text.
    public var caption: String {
        let display = rows.first?.benchmarkDisplayName ?? category
        return "\(display) leaderboard, snapshot of \(SiteFormat.date(snapshot.day))"
    }

    /// The rendered table.
    public var body: Component {
        scrollRegion(
            label: caption,
            .table(
                escapedAttribute("class", "leaderboard"),
                escapedAttribute("data-category", category),
                .caption(.text(caption)),
                .thead(.tr(
                    header("Rank", numeric: true),
                    header("Model", numeric: false),
                    header("Score (%)", numeric: true),
                    header("Cost per task", numeric: true),
                    header("Openness", numeric: false)
                )),
                .tbody(.forEach(rows) { row($0) })
            )
        )
    }

    private func header(_ title: String, numeric: Bool) -> Node<HTML.TableRowContext> {
        .th(escapedAttribute("scope", "col"), .if(numeric, escapedAttribute("class", "num")), .text(title))
    }

    private func row(_ entry: BenchmarkEntry) -> Node<HTML.TableContext> {
        .tr(
            escapedAttribute("data-model", entry.modelName),
            .td(escapedAttribute("class", "num rank"), .text("#\(entry.rank)")),
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"),
                .unwrap(modelPages.contains(entry.modelName) ? ModelPage.slug(of: entry.modelName) : nil, { slug in
                    .a(escapedAttribute("href", rootPath + "models/\(slug)/"), .text(DisplayName.model(entry.modelName)))
                }, else: .text(DisplayName.model(entry.modelName)))),
            .td(escapedAttribute("class", "num"), .text(Self.formatScore(entry.score))),
            .td(escapedAttribute("class", "num"), .text(Self.formatCost(entry.costPerTask))),
            .td(.text(Self.formatOpenness(entry.openness)))
        )
    }

    /// A score with one decimal, e.g. `81.0`.
    static func formatScore(_ score: Double) -> String {
        String(format: "%.1f", score)
    }

    /// A cost in USD (``SiteFormat/money(_:)``), e.g. `$1.23`; `—` when unknown.
    static func formatCost(_ cost: Double?) -> String {
        cost.map(SiteFormat.money) ?? "—"
    }

    /// Openness as shown to people.
    static func formatOpenness(_ openness: String?) -> String {
        switch openness {
        case "open_weights": "Open weights"
        case "closed_api_available": "Closed (API)"
        case nil: "Unknown"
        case let other?: other
        }
    }
}
