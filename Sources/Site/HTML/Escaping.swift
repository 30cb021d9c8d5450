/// Escapes a string for use inside a double- or single-quoted HTML attribute value.
///
/// Plot writes attribute values verbatim (style.md §7), so every attribute value we emit goes
/// through this function. `&` is replaced first so nothing is escaped twice.
///
/// - Parameter value: The raw value, e.g. a model name.
/// - Returns: The value with `&`, `"`, `'`, `<` and `>` replaced by character references.
public func attributeValue(_ value: String) -> String {
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for character in value {
        switch character {
        case "&": result += "&amp;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        default: result.append(character)
        }
    }
    return result
}
