import Plot

/// Builds an attribute node whose value has been passed through ``attributeValue(_:)``.
///
/// Use this (never Plot's `.attribute(named:value:)` directly with unescaped data) so every attribute value is escaped.
func escapedAttribute<Context>(_ name: String, _ value: String) -> Node<Context> {
    .attribute(named: name, value: attributeValue(value))
}
