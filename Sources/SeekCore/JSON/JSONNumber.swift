/// A JSON number that remembers whether it is an integer or a float, as Python does.
///
/// Published files keep Python's distinction: `96` (an `int`) and `96.0` (a `float`) print
/// differently, and `gpu_specs.json` mixes both (the GH200 row and the NVLink values are ints).
/// Values that must round-trip that distinction are stored as a `JSONNumber`; code that only
/// needs the magnitude reads ``doubleValue``.
///
/// Equality and hashing compare the case too: `.int(96) != .double(96.0)`, because the two
/// serialize differently (``JSONValue`` instead compares numerically, like Python's `==`).
public enum JSONNumber: Sendable, Hashable {
    /// An integer, printed without a fraction (`96`).
    case int(Int)
    /// A float, printed as Python's `repr` (`96.0`, `4099.999999999999`).
    case double(Double)
}

extension JSONNumber {
    /// The number as a `Double` (an `.int` is converted, exactly up to 2^53).
    public var doubleValue: Double {
        switch self {
        case .int(let integer): return Double(integer)
        case .double(let number): return number
        }
    }

    /// The number as a ``JSONValue`` of the same kind.
    public var jsonValue: JSONValue {
        switch self {
        case .int(let integer): return .int(integer)
        case .double(let number): return .double(number)
        }
    }

    /// The number held by a ``JSONValue``: `.int` and `.double` only, `nil` otherwise (also for `.bool`).
    public init?(_ value: JSONValue) {
        switch value {
        case .int(let integer): self = .int(integer)
        case .double(let number): self = .double(number)
        default: return nil
        }
    }

    /// Python's `round(x, places)`: a float is rounded with ``PythonMath/round(_:places:)`` and stays a
    /// float; an int stays an int, unchanged for `places >= 0` and rounded to a multiple of
    /// `10^-places` (exact ties to even) otherwise.
    ///
    /// - Parameter places: Decimal places to keep; negative values round to tens, hundreds, …
    /// - Returns: The rounded number, of the same kind.
    public func rounded(places: Int) -> JSONNumber {
        switch self {
        case .double(let number):
            return .double(PythonMath.round(number, places: places))
        case .int(let integer):
            guard places < 0 else { return self }
            return .int(Self.roundInteger(integer, toTensPower: -places))
        }
    }

    /// Python's `*`: int × int stays an int, anything with a float is a float. An int product that
    /// overflows `Int` (Python would keep an exact big integer) becomes the nearest float.
    ///
    /// - Parameters:
    ///   - lhs: The multiplicand.
    ///   - rhs: The multiplier.
    /// - Returns: The product.
    public static func * (lhs: JSONNumber, rhs: JSONNumber) -> JSONNumber {
        if case .int(let a) = lhs, case .int(let b) = rhs {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? .double(Double(a) * Double(b)) : .int(product)
        }
        return .double(lhs.doubleValue * rhs.doubleValue)
    }

    /// Rounds `integer` to a multiple of `10^power` (power >= 1), exact ties to even, as Python's
    /// `round(int, -power)`; a multiple beyond `Int`'s range gives 0 (Python: a big integer or 0).
    private static func roundInteger(_ integer: Int, toTensPower power: Int) -> Int {
        var step: UInt = 1
        for _ in 0..<power {
            let (next, overflow) = step.multipliedReportingOverflow(by: 10)
            if overflow { return 0 }
            step = next
        }
        let magnitude = integer.magnitude
        var quotient = magnitude / step
        let twiceRemainder = (magnitude % step).multipliedReportingOverflow(by: 2)
        if twiceRemainder.overflow || twiceRemainder.partialValue > step
            || (twiceRemainder.partialValue == step && quotient % 2 == 1) {
            quotient += 1
        }
        let (rounded, overflow) = quotient.multipliedReportingOverflow(by: step)
        guard !overflow, let result = Int(exactly: rounded) else { return 0 }
        return integer < 0 ? -result : result
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The number as Python prints it: `96`, `96.0`, `112.5`, `1e-05`.
    public var description: String {
        switch self {
        case .int(let integer): return String(integer)
        case .double(let number): return PythonFloat.repr(number)
        }
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral {
    /// Creates `.int`.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONNumber: ExpressibleByFloatLiteral {
    /// Creates `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
}
