import Plot
import SeekCore

/// The Performance matrix's licence filter: a `<select data-filter="licence">` over the rows' `data-licence`,
/// most common licence first. Hidden in the HTML and shown by `assets/site.js`, which does the filtering:
/// without JavaScript every row shows and there is no control that does nothing.
struct LicenceFilter {
    var models: [ModelSpec]

    /// The licences with how many models carry each, most common first, then by name.
    var licences: [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for model in models { if let name = model.licenseName, !name.isEmpty { counts[name, default: 0] += 1 } }
        return counts.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    var node: Node<HTML.BodyContext> {
        let licences = licences
        guard licences.count > 1 else { return .empty }
        return scriptSelect(id: "licence-filter", label: "Licence", data: ("filter", "licence"),
                            options: [("", "All licences")] + licences.map { ($0.name, "\($0.name) (\($0.count))") })
    }
}
