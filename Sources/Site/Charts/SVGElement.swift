import Plot

/// The context of SVG child elements. Plot has no SVG DSL, so SVG is built from named elements.
enum SVGContext {}

/// A node inside an `<svg>`.
typealias SVGNode = Node<SVGContext>

/// An SVG element: every attribute value goes through ``escapedAttribute(_:_:)``; text children
/// should be `.text` nodes (escaped by Plot).
///
/// - Parameters:
///   - name: The element name, e.g. `circle`.
///   - attributes: Name/value pairs, in output order.
///   - children: Child elements and text.
func svgElement(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: [SVGNode] = []) -> SVGNode {
    .element(named: name, nodes: attributes.map { escapedAttribute($0.key, $0.value) } + children)
}

/// A `<text>` element at a position.
func svgText(_ text: String, x: Double, y: Double, anchor: String = "middle", className: String,
             rotate: Double? = nil) -> SVGNode {
    let xs = ChartNumber.coordinate(x), ys = ChartNumber.coordinate(y)
    var nodes: [SVGNode] = [escapedAttribute("class", className), escapedAttribute("x", xs), escapedAttribute("y", ys),
                            escapedAttribute("text-anchor", anchor)]
    if let rotate { nodes.append(escapedAttribute("transform", "rotate(\(ChartNumber.fixed(rotate, 0)) \(xs) \(ys))")) }
    return .element(named: "text", nodes: nodes + [.text(text)])
}

/// A `<line>` between two points.
func svgLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> SVGNode {
    svgElement("line", ["class": className, "x1": ChartNumber.coordinate(x1), "y1": ChartNumber.coordinate(y1),
                        "x2": ChartNumber.coordinate(x2), "y2": ChartNumber.coordinate(y2)])
}
