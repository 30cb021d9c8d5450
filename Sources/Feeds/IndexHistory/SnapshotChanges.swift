import SeekCore

/// What a newly published snapshot changed compared with the one before it: new models,
/// categories gained by known models, and score changes. Drives the run summary and alerts.
public struct SnapshotChanges: Sendable, Equatable {
    /// A known model's score that changed in one category.
    public struct ScoreChange: Sendable, Equatable {
        /// The category name.
        public var category: String
        /// The category as shown to people.
        public var display: String
        /// The score in the previous snapshot.
        public var old: Double
        /// The score now.
        public var new: Double
    }

    /// A model that was not in the previous snapshot.
    public struct NewModel: Sendable, Equatable {
        /// The model.
        public var model: String
        /// Display names of the categories it has, alphabetical by category name.
        public var covered: [String]
        /// Display names of the categories it lacks; empty when complete.
        public var missing: [String]
    }

    /// The day of the new snapshot.
    public var day: Day
    /// Models not in the previous snapshot (all models when there is none), by name.
    public var newModels: [NewModel]
    /// Known models with categories they did not have before: model → display names.
    public var gainedCategories: [(model: String, categories: [String])]
    /// Known models whose score changed in a category they had before.
    public var scoreChanges: [(model: String, changes: [ScoreChange])]

    public static func == (a: SnapshotChanges, b: SnapshotChanges) -> Bool {
        a.day == b.day && a.newModels == b.newModels
            && a.gainedCategories.elementsEqual(b.gainedCategories) { $0.model == $1.model && $0.categories == $1.categories }
            && a.scoreChanges.elementsEqual(b.scoreChanges) { $0.model == $1.model && $0.changes == $1.changes }
    }

    /// Compares `snapshot` with `previous` (nil: no earlier snapshot, every model is new).
    /// `categories` gives every category's display name, for the "missing" lists.
    public init(snapshot: Snapshot, previous: Snapshot?, categories: [IndexConfiguration.Category]) {
        let displays = Dictionary(categories.map { ($0.name, $0.display) }, uniquingKeysWith: { a, _ in a })
        let allNames = categories.map(\.name).sorted()
        let now = Coverage(snapshot)
        let before = previous.map(Coverage.init)
        day = snapshot.day
        var newModels: [NewModel] = []
        var gained: [(String, [String])] = []
        var changes: [(String, [ScoreChange])] = []
        for model in now.categories.keys.sorted() {
            let covered = now.categories[model] ?? []
            guard let old = before?.categories[model] else {
                let missing = allNames.filter { !covered.contains($0) }
                newModels.append(NewModel(model: model, covered: covered.sorted().map { displays[$0] ?? $0 },
                                          missing: missing.map { displays[$0] ?? $0 }))
                continue
            }
            let added = covered.subtracting(old).sorted()
            if !added.isEmpty { gained.append((model, added.map { displays[$0] ?? $0 })) }
            var modelChanges: [ScoreChange] = []
            for category in covered.intersection(old).sorted() {
                if let was = before?.scores[Coverage.Key(model: model, category: category)],
                   let is_ = now.scores[Coverage.Key(model: model, category: category)], was != is_ {
                    modelChanges.append(ScoreChange(category: category, display: displays[category] ?? category,
                                                    old: was, new: is_))
                }
            }
            if !modelChanges.isEmpty { changes.append((model, modelChanges)) }
        }
        self.newModels = newModels
        self.gainedCategories = gained
        self.scoreChanges = changes
    }

    /// The reference's coverage report section for this snapshot (`Snapshot YYYY-MM-DD:` and
    /// one line per change; scores in Python's `:g` form).
    public var report: String {
        var lines = ["Snapshot \(day.iso):"]
        for model in newModels {
            let state = model.missing.isEmpty ? "(complete)" : "(missing: \(model.missing.joined(separator: ", ")))"
            lines.append("  NEW \(model.model): \(model.covered.joined(separator: ", ")) \(state)")
        }
        for (model, categories) in gainedCategories {
            lines.append("  +\(model): gained \(categories.joined(separator: ", "))")
        }
        for (model, list) in scoreChanges {
            let text = list.map { "\($0.display) \(PythonFloat.formatG($0.old)) → \(PythonFloat.formatG($0.new))" }
            lines.append("  ~\(model): \(text.joined(separator: ", "))")
        }
        if lines.count == 1 { lines.append("  (no score changes)") }
        return lines.joined(separator: "\n")
    }
}

/// Which categories each model has in a snapshot, and its scores there (overall excluded).
private struct Coverage {
    struct Key: Hashable {
        var model: String
        var category: String
    }

    var categories: [String: Set<String>] = [:]
    var scores: [Key: Double] = [:]

    init(_ snapshot: Snapshot) {
        for entry in snapshot.entries where entry.benchmarkName != IndexConfiguration.overallName {
            categories[entry.modelName, default: []].insert(entry.benchmarkName)
            scores[Key(model: entry.modelName, category: entry.benchmarkName)] = entry.score
        }
    }
}
