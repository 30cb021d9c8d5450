import Plot

/// Builds an attribute node whose value has been passed through ``attributeValue(_:)``.
///
/// Use this (never Plot's `.attribute(named:value:)` directly with unescaped data) so every attribute value is escaped.
/// An empty value is kept (`data-root=""` means "this page is at the root"), unlike Plot's default.
func escapedAttribute<Context>(_ name: String, _ value: String) -> Node<Context> {
    .attribute(named: name, value: attributeValue(value), ignoreIfValueIsEmpty: false)
}

/// A table wrapped in a focusable, labelled region that scrolls sideways on narrow screens.
func scrollRegion(label: String, _ table: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
    .div(
        escapedAttribute("class", "table-scroll"),
        escapedAttribute("role", "region"),
        escapedAttribute("aria-label", label),
        escapedAttribute("tabindex", "0"),
        table
    )
}

/// A column of a data table: its heading, and whether its cells are numbers (right-aligned, `class="num"`).
struct TableColumn {
    var title: String
    var numeric = false
}

/// A `thead` of column headings (`scope="col"`), numeric ones marked `class="num"`.
func tableHead(_ columns: [TableColumn]) -> Node<HTML.TableContext> {
    .thead(.tr(.forEach(columns) { column in
        column.numeric
            ? .th(escapedAttribute("scope", "col"), escapedAttribute("class", "num"), .text(column.title))
            : .th(escapedAttribute("scope", "col"), .text(column.title))
    }))
}
