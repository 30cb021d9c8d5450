/// Builds the report's GitHub-flavoured markdown: blocks separated by one blank line, long lists
/// and tables cut with "… and N more" so a daily commit body stays readable.
struct MarkdownWriter {
    /// Bullet lists show at most this many items.
    static let listLimit = 10
    /// Tables show at most this many rows.
    static let tableLimit = 15

    private(set) var blocks: [String] = []

    var text: String { blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n" }

    mutating func heading(_ text: String, level: Int = 2) {
        blocks.append(String(repeating: "#", count: level) + " " + text)
    }

    mutating func paragraph(_ text: String) { blocks.append(text) }

    /// A bold label followed by a bullet list, truncated at `limit` items.
    mutating func list(_ label: String? = nil, _ items: [String], limit: Int = listLimit) {
        guard !items.isEmpty else { return }
        var lines = items.prefix(limit).map { "- " + $0 }
        if items.count > limit { lines.append("- … and \(items.count - limit) more") }
        blocks.append(((label.map { ["**\($0)**", ""] } ?? []) + lines).joined(separator: "\n"))
    }

    /// A table with a header row; `rightAligned` column indexes hold numbers. Truncated at `limit` rows.
    mutating func table(_ label: String? = nil, header: [String], rightAligned: Set<Int> = [], rows: [[String]],
                        limit: Int = tableLimit) {
        guard !rows.isEmpty else { return }
        var lines = label.map { ["**\($0)**", ""] } ?? []
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined())
        for row in rows.prefix(limit) {
            lines.append("| " + row.map(Format.cell).joined(separator: " | ") + " |")
        }
        if rows.count > limit { lines.append(""); lines.append("… and \(rows.count - limit) more") }
        blocks.append(lines.joined(separator: "\n"))
    }
}
