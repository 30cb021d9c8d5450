import SeekCore

extension Day {
    /// The en-US "MMM d" label of the chart date axes, e.g. `Jun 16` (reference-site.md §1.7).
    ///
    /// Built from the ISO digits, not from `Date` and a locale, so it is the same on every machine.
    var chartLabel: String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return iso }
        return "\(months[month - 1]) \(day)"
    }

    /// The labels of a date axis: `Jan 28, 2026` for the first date and wherever the year changes, `Jan 31`
    /// for the others, so every year on the axis is stated once.
    static func axisLabels(_ days: [Day]) -> [String] {
        var year: Substring?
        return days.map { day in
            let current = day.iso.split(separator: "-").first
            defer { year = current }
            return current == year ? day.chartLabel : day.chartLabel + ", " + (current.map(String.init) ?? "")
        }
    }
}
