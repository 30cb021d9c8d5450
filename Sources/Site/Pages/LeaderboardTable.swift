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

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - snapshot: The snapshot to show.
    ///   - category: The category whose rows are shown (default `overall`).
    public init(snapshot: Snapshot, category: String = "overall") {
        self.snapshot = snapshot
        self.category = category
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
        return "\(display) leaderboard, snapshot of \(snapshot.day)"
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
            .th(escapedAttribute("scope", "row"), escapedAttribute("class", "model"), .text(entry.modelName)),
            .td(escapedAttribute("class", "num"), .text(Self.formatScore(entry.score))),
            .td(escapedAttribute("class", "num"), .text(Self.formatCost(entry.costPerTask))),
            .td(.text(Self.formatOpenness(entry.openness)))
        )
    }

    /// A score with one decimal, e.g. `81.0`.
    static func formatScore(_ score: Double) -> String {
        String(format: "%.1f", score)
    }

    /// A cost in USD with two decimals, e.g. `$1.23`; `—` when unknown.
    static func formatCost(_ cost: Double?) -> String {
        guard let cost else { return "—" }
        return "$" + String(format: "%.2f", cost)
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
