extension DataDiff {
    func writeLeaderboard(to out: inout MarkdownWriter) {
        guard !snapshots.isEmpty else { return }
        out.heading("Leaderboard")
        var lines: [String] = []
        let added = snapshots.addedDates
        if !added.isEmpty {
            let dates = added.count > 6 ? "\(added[0]) … \(added[added.count - 1])" : added.joined(separator: ", ")
            lines.append("New \(added.count == 1 ? "snapshot" : "snapshots (\(added.count))"): \(dates)"
                         + " — \(snapshots.dateCount) listed" + (snapshots.newLatest.map { ", latest \($0)" } ?? "") + ".")
        }
        if !snapshots.removedDates.isEmpty {
            lines.append("No longer listed: " + Self.truncated(snapshots.removedDates, limit: 10) + ".")
        }
        if snapshots.oldIndexCommit != snapshots.newIndexCommit, let commit = snapshots.newIndexCommit {
            lines.append("OpenHands Index commit " + (snapshots.oldIndexCommit.map { "`\($0.prefix(7))` → " } ?? "")
                         + "`\(commit.prefix(7))`.")
        }
        if added.isEmpty, snapshots.oldLatest != snapshots.newLatest {
            lines.append("Latest snapshot \(snapshots.oldLatest ?? "none") → \(snapshots.newLatest ?? "none").")
        }
        guard let board = snapshots.leaderboard else {
            if let old = snapshots.oldLatest, let new = snapshots.newLatest, old != new {
                lines.append("Latest leaderboard \(old) → \(new): no score changes.")
            }
            if !lines.isEmpty { out.paragraph(lines.joined(separator: "\n")) }
            return
        }
        if !lines.isEmpty { out.paragraph(lines.joined(separator: "\n")) }
        guard let oldDate = board.oldDate else {
            out.paragraph("Leaderboard \(board.newDate): \(Format.count(board.newModelCount, "model")) (first snapshot).")
            writeSOTA(board, to: &out)
            return
        }
        let dates = oldDate == board.newDate ? "\(board.newDate) (rebuilt)" : "\(oldDate) → \(board.newDate)"
        out.paragraph("Latest leaderboard \(dates): \(board.oldModelCount) → \(Format.count(board.newModelCount, "model")).")
        out.list("Entered", board.entered.map { model in
            var text = "**\(model.name)**" + (model.openness.map { " (\(Self.openness($0)))" } ?? "")
            if let overall = model.overall {
                text += ": overall \(Format.fixed(overall, places: 1))" + (model.rank.map { ", rank \($0)" } ?? "")
            } else {
                text += ": \(model.categories) of 5 categories, no overall score"
            }
            return text
        })
        out.list("Left", board.left.map { model in
            model.name + (model.overall.map { " (was overall \(Format.fixed($0, places: 1)))" } ?? "")
        })
        writeSOTA(board, to: &out)
        var byModel: [(model: String, changes: [String])] = []
        for change in board.scoreChanges {
            let text = "\(change.displayName) \(Self.score(change.old)) → \(Self.score(change.new))"
                + (change.old.flatMap { a in change.new.map { b in " (\(Format.signed(b - a, places: 1)))" } } ?? "")
            if byModel.last?.model == change.model { byModel[byModel.count - 1].changes.append(text) }
            else { byModel.append((change.model, [text])) }
        }
        out.table("Score changes (\(Format.count(board.scoreChanges.count, "score")), \(Format.count(byModel.count, "model")))",
                  header: ["model", "changes"], rows: byModel.map { [$0.model, $0.changes.joined(separator: "; ")] })
    }

    private func writeSOTA(_ board: LeaderboardChanges, to out: inout MarkdownWriter) {
        let first = board.oldDate == nil
        out.table(first ? "State of the art" : "State of the art changed",
                  header: first ? ["category", "best"] : ["category", "before", "after"],
                  rows: board.sotaChanges.map { change in
                      let before = change.oldModel.map { "\($0) \(Self.score(change.oldScore))" } ?? "—"
                      let after = change.newModel.map { "\($0) \(Self.score(change.newScore))" } ?? "—"
                      return first ? [change.displayName, after] : [change.displayName, before, after]
                  })
    }

    static func score(_ value: Double?) -> String { value.map { Format.fixed($0, places: 1) } ?? "—" }

    static func openness(_ value: String) -> String {
        switch value {
        case "open_weights": "open weights"
        case "closed_api_available": "closed"
        default: value
        }
    }

    static func truncated(_ items: [String], limit: Int) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? " … and \(items.count - limit) more" : "")
    }
}
