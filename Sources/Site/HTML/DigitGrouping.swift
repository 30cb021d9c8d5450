/// Decimal digits with a comma between groups of three, `"1234567"` → `"1,234,567"`: the site's one
/// thousands separator, used by every number formatter of the pages and charts.
func groupedDigits(_ digits: String) -> String {
    var grouped = ""
    for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(character)
    }
    return grouped
}
