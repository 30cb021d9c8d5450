import ConfigKit
import Foundation
import Yams

extension FilterConfig {
    /// Reads one filter: `{field, operator, value | values | min + max}`. An operand written as `null` is left out
    /// (gpuport declares them optional); `min` and `max` may be quoted numbers.
    static func decode(_ node: Node, at path: String, reader: ConfigReader) -> FilterConfig? {
        guard let entries = reader.mapping(node, at: path, allowed: ["field", "operator", "value", "values", "min", "max"],
                                           required: ["field", "operator"]) else { return nil }
        let field = knownField(entries["field"], "\(path).field", reader: reader)
        guard let op = reader.nonEmptyString(entries["operator"], "\(path).operator") else { return nil }
        guard operators.contains(op) else {
            reader.report("\(path): unknown operator '\(op)'" + ConfigReader.suggestion(for: op, among: operators)
                          + " (operators: \(operators.joined(separator: ", ")))", at: entries["operator"])
            return nil
        }
        let operands: [String] = switch op {
        case "between": ["min", "max"]
        case "in", "not_in": ["values"]
        case "is_null", "is_not_null": []
        default: ["value"]
        }
        for (name, key, value) in entries.pairs where !["field", "operator"].contains(name) && !operands.contains(name)
            && reader.given(value) != nil {
            reader.report("\(path): '\(name)' does not apply to operator '\(op)'"
                          + (operands.isEmpty ? ", which takes no operand" : ", which takes \(operands.joined(separator: " and "))"),
                          at: key)
        }
        for name in operands where reader.given(entries[name]) == nil {
            reader.report("\(path): operator '\(op)' needs '\(name)'", at: entries.node)
        }
        // With an unknown field the operands are still checked, as numbers or text as they are written.
        let numeric = field.map(ExportRecord.numericFieldNames.contains)
            ?? [Tag.Name.int, .float].contains(entries["value"].flatMap(reader.kind) ?? .str)
        let operand = reader.given(entries["value"])
        let condition: Condition?
        switch op {
        case "eq": condition = value(operand, "\(path).value", field: field, numeric: numeric, reader: reader).map(Condition.eq)
        case "ne": condition = value(operand, "\(path).value", field: field, numeric: numeric, reader: reader).map(Condition.ne)
        case "lt", "lte", "gt", "gte", "between":
            if let field, !numeric {
                reader.report("\(path): operator '\(op)' compares numbers, but '\(field)' is text; use eq, in, regex, "
                              + "contains or starts_with", at: entries["operator"])
                return nil
            }
            if op == "between" {
                guard let min = reader.decimal(reader.given(entries["min"]), "\(path).min"),
                      let max = reader.decimal(reader.given(entries["max"]), "\(path).max")
                else { return nil }
                guard min <= max else {
                    reader.report("\(path): min \(min) is greater than max \(max)", at: entries["min"])
                    return nil
                }
                condition = .between(min: min, max: max)
            } else {
                let bound = reader.number(operand, "\(path).value")
                condition = bound.map { op == "lt" ? .lt($0) : op == "lte" ? .lte($0) : op == "gt" ? .gt($0) : .gte($0) }
            }
        case "in", "not_in":
            guard let items = reader.sequence(reader.given(entries["values"]), "\(path).values") else { return nil }
            guard !items.isEmpty else {
                reader.report("\(path).values is empty; list at least one value", at: entries["values"])
                return nil
            }
            let values = items.enumerated().map {
                value($1, "\(path).values[\($0)]", field: field, numeric: numeric, reader: reader)
            }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            condition = op == "in" ? .isIn(values.compactMap { $0 }) : .notIn(values.compactMap { $0 })
        case "regex", "contains", "starts_with":
            if let field, numeric {
                reader.report("\(path): operator '\(op)' matches text, but '\(field)' is a number; use eq, lt, between, …",
                              at: entries["operator"])
                return nil
            }
            guard let text = reader.string(operand, "\(path).value") else { return nil }
            if op == "regex" {
                do {
                    _ = try NSRegularExpression(pattern: text)
                } catch {
                    reader.report("\(path): the regular expression '\(text)' does not compile", at: entries["value"])
                    return nil
                }
                condition = .regex(text)
            } else {
                condition = op == "contains" ? .contains(text) : .startsWith(text)
            }
        case "is_null": condition = .isNull
        default: condition = .isNotNull
        }
        guard let field, let condition else { return nil }
        return FilterConfig(field: field, condition: condition)
    }

    /// An operand of `eq`, `ne`, `in`, `not_in`: a number for numeric fields, text otherwise. An availability is
    /// one of its four names in either spelling (`HIGH` or gpuport's `High`), kept as the documented name.
    private static func value(_ node: Node?, _ what: String, field: String?, numeric: Bool, reader: ConfigReader) -> FilterValue? {
        guard let node else { return nil }
        if numeric { return reader.number(node, "\(what) (a numeric field)").map(FilterValue.number) }
        guard let text = reader.string(node, what) else { return nil }
        guard field == "availability" else { return .text(text) }
        guard let availability = ExportRecord.Availability(spelling: text) else {
            let names = ExportRecord.Availability.allCases.map(\.rawValue)
            reader.report("\(what): '\(text)' is not an availability" + ConfigReader.suggestion(for: text, among: names)
                          + " (availabilities: \(names.joined(separator: ", ")))", at: node)
            return nil
        }
        return .text(availability.rawValue)
    }
}
