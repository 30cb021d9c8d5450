import Foundation

/// A pipeline's filters, compiled once per run (regular expressions included): a record passes
/// when every filter holds.
public struct RecordFilter {
    private let tests: [(ExportRecord) -> Bool]

    /// Compiles `filters`.
    /// - Throws: an error when a regular expression does not compile (validation already rejects those).
    public init(_ filters: [FilterConfig]) throws {
        tests = try filters.map(Self.test(for:))
    }

    /// Whether `record` meets every filter.
    public func matches(_ record: ExportRecord) -> Bool { tests.allSatisfy { $0(record) } }

    /// The records that meet every filter, in their order.
    public func apply(_ records: [ExportRecord]) -> [ExportRecord] { records.filter(matches) }

    private static func test(for filter: FilterConfig) throws -> (ExportRecord) -> Bool {
        let field = filter.field
        // Providers compare by letters and digits, any case: gpuport's `RunPod` is gpuhunt's `runpod`.
        let equal: @Sendable (ExportValue, FilterValue) -> Bool = field == "provider" ? equalProvider : Self.equal
        switch filter.condition {
        case .isNull: return { $0[field: field] == nil }
        case .isNotNull: return { $0[field: field] != nil }
        case .eq(let value): return { record in record[field: field].map { equal($0, value) } ?? false }
        case .ne(let value): return { record in record[field: field].map { !equal($0, value) } ?? true }
        case .isIn(let values): return { record in record[field: field].map { v in values.contains { equal(v, $0) } } ?? false }
        case .notIn(let values): return { record in record[field: field].map { v in !values.contains { equal(v, $0) } } ?? true }
        case .lt(let bound): return numeric(field) { $0 < bound }
        case .lte(let bound): return numeric(field) { $0 <= bound }
        case .gt(let bound): return numeric(field) { $0 > bound }
        case .gte(let bound): return numeric(field) { $0 >= bound }
        case .between(let min, let max): return numeric(field) { $0 >= min && $0 <= max }
        case .contains(let part): return text(field) { $0.contains(part) }
        case .startsWith(let prefix): return text(field) { $0.hasPrefix(prefix) }
        case .regex(let pattern):
            let expression = try NSRegularExpression(pattern: pattern)
            return text(field) { value in
                expression.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
            }
        }
    }

    private static func numeric(_ field: String, _ test: @escaping (Double) -> Bool) -> (ExportRecord) -> Bool {
        { record in record[field: field]?.number.map(test) ?? false }
    }

    private static func text(_ field: String, _ test: @escaping (String) -> Bool) -> (ExportRecord) -> Bool {
        { record in
            guard case .string(let value)? = record[field: field] else { return false }
            return test(value)
        }
    }

    /// Provider names equal when ``ExportRecord/providerKey(_:)`` makes them equal.
    static func equalProvider(_ value: ExportValue, _ operand: FilterValue) -> Bool {
        guard case .string(let name) = value, case .text(let other) = operand else { return equal(value, operand) }
        return ExportRecord.providerKey(name) == ExportRecord.providerKey(other)
    }

    /// Text equals text exactly; numbers compare numerically (`8` equals `8.0`).
    static func equal(_ value: ExportValue, _ operand: FilterValue) -> Bool {
        switch (value, operand) {
        case (.string(let a), .text(let b)): a == b
        case (_, .number(let b)): value.number == b
        default: false
        }
    }
}
