/// A condition on one field of a record; a pipeline keeps records that meet all of its filters.
///
/// A null field meets only `is_null`, `ne` and `not_in` (it equals nothing, so it is "not equal"). `eq`, `ne`, `in` and
/// `not_in` compare `provider` by its letters and digits in any case (gpuport's `RunPod`, `Lambda Labs` match gpuhunt's
/// `runpod`, `lambdalabs`); an `availability` operand may be written as gpuport's value (`High`, `Not Available`) and
/// is kept as the documented name (`HIGH`, `NOT_AVAILABLE`).
public struct FilterConfig: Sendable, Hashable {
    /// The export field, one of ``ExportRecord/fieldNames``.
    public var field: String
    /// The operator and its operands.
    public var condition: Condition

    /// Creates a filter.
    public init(field: String, condition: Condition) {
        self.field = field
        self.condition = condition
    }

    /// An operator with its operands. Comparisons (`lt` … `between`) apply to numeric fields;
    /// `regex`, `contains` and `starts_with` to text fields; the rest to both.
    public enum Condition: Sendable, Hashable {
        case eq(FilterValue)
        case ne(FilterValue)
        case lt(Double)
        case lte(Double)
        case gt(Double)
        case gte(Double)
        /// `min <= value <= max`.
        case between(min: Double, max: Double)
        case isIn([FilterValue])
        case notIn([FilterValue])
        /// A regular expression (ICU syntax) found anywhere in the text; anchor it with `^…$` for a full match.
        case regex(String)
        /// Case-sensitive substring.
        case contains(String)
        /// Case-sensitive prefix.
        case startsWith(String)
        case isNull
        case isNotNull
    }

    /// Every operator name as written in the configuration.
    public static let operators = ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "not_in", "regex", "contains",
                                   "starts_with", "is_null", "is_not_null"]
}

/// A filter operand: text for text fields, a number for numeric fields.
public enum FilterValue: Sendable, Hashable {
    case text(String)
    case number(Double)
}
