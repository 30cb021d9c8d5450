import Plot

/// A labelled `<select>` that only `assets/site.js` makes work, so it is hidden in the HTML and shown by the
/// script: a page without JavaScript never shows a control that does nothing (the licence filter, the Budget
/// category choice, a chart's model choice).
func scriptSelect(id: String, label: String, data: (name: String, value: String),
                  options: [(value: String, label: String)]) -> Node<HTML.BodyContext> {
    .div(
        escapedAttribute("class", "filters"),
        escapedAttribute("hidden", "hidden"),
        .label(escapedAttribute("for", id), .text(label)),
        .element(named: "select", nodes: [
            escapedAttribute("id", id),
            escapedAttribute("data-\(data.name)", data.value),
            .forEach(options) { option in
                .element(named: "option", nodes: [escapedAttribute("value", option.value), .text(option.label)])
            },
        ])
    )
}
