import Plot
import SeekCore
import Sizing

/// The Budget page's category choice: the Serving capacity table ranks by the overall score in the HTML;
/// choosing another category (`assets/site.js`) shows each row's score and share of SOTA in that category
/// from its `data-score-NAME` / `data-percent-NAME` attributes and re-orders the rows by it. Hidden without
/// JavaScript. The API comparison keeps the overall ranking's model, as the presets do (§1.4).
struct BudgetCategoryChoice {
    var snapshot: Snapshot

    /// The categories offered: overall first, then those whose name is safe in an attribute name.
    var categories: [(name: String, display: String)] {
        SiteWriter.categories(of: snapshot).filter(Self.isSafe).map { name in
            (name, snapshot.entries.first { $0.benchmarkName == name }?.benchmarkDisplayName ?? name)
        }
    }

    /// Lowercase ASCII letters, digits and `_`: usable in a `data-` attribute name as it is.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Each model's score and share of SOTA in every offered category.
    var scores: [String: [(category: String, score: Double, percent: Double?)]] {
        var result: [String: [(category: String, score: Double, percent: Double?)]] = [:]
        let names = Set(categories.map(\.name))
        for entry in snapshot.entries where names.contains(entry.benchmarkName) {
            let sota = snapshot.sota.first { $0.benchmarkName == entry.benchmarkName }
            result[entry.modelName, default: []].append(
                (entry.benchmarkName, entry.score, BenchmarkMath.fractionOfSOTA(score: entry.score, sota: sota)))
        }
        return result
    }

    var node: Node<HTML.BodyContext> {
        let categories = categories
        guard categories.count > 1 else { return .empty }
        return scriptSelect(id: "budget-category", label: "Rank by", data: ("category-choice", "table.capacity"),
                            options: categories.map { ($0.name, $0.display) })
    }
}
