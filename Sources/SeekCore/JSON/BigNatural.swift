/// A minimal arbitrary-precision natural number (little-endian 64-bit limbs), just enough for
/// exact sums of doubles and correctly rounded division in `PythonMath.mean`.
struct BigNatural: Sendable {
    /// Little-endian limbs without trailing zero limbs (zero has no limbs).
    private(set) var limbs: [UInt64]

    /// Zero.
    init() {
        limbs = []
    }

    /// The value `value`.
    init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
    }

    private init(limbs: [UInt64]) {
        self.limbs = limbs
        normalize()
    }

    var isZero: Bool { limbs.isEmpty }

    /// The number of significant bits (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// The low 64 bits.
    var low64: UInt64 { limbs.first ?? 0 }

    /// Adds `value << shift`.
    mutating func add(_ value: UInt64, shiftedLeftBy shift: Int) {
        guard value != 0 else { return }
        let limbIndex = shift / 64
        let bitOffset = shift % 64
        let low = value << UInt64(bitOffset)
        let high = bitOffset == 0 ? 0 : value >> UInt64(64 - bitOffset)
        if limbs.count < limbIndex + 2 {
            limbs.append(contentsOf: repeatElement(0, count: limbIndex + 2 - limbs.count))
        }
        var carry: UInt64 = 0
        var index = limbIndex
        for addend in [low, high] {
            let (partial, overflow1) = limbs[index].addingReportingOverflow(addend)
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[index] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
            index += 1
        }
        while carry != 0 {
            if index == limbs.count { limbs.append(0) }
            let (sum, overflow) = limbs[index].addingReportingOverflow(carry)
            limbs[index] = sum
            carry = overflow ? 1 : 0
            index += 1
        }
        normalize()
    }

    /// Subtracts `other`, which must not exceed `self`.
    mutating func subtract(_ other: BigNatural) {
        var borrow: UInt64 = 0
        for index in limbs.indices {
            let subtrahend = index < other.limbs.count ? other.limbs[index] : 0
            let (partial, overflow1) = limbs[index].subtractingReportingOverflow(subtrahend)
            let (difference, overflow2) = partial.subtractingReportingOverflow(borrow)
            limbs[index] = difference
            borrow = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
        normalize()
    }

    /// `self >> shift`, and whether any one bits were shifted out.
    func shiftedRight(by shift: Int) -> (value: BigNatural, lostBits: Bool) {
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        guard limbShift < limbs.count else { return (BigNatural(), !isZero) }
        var lost = limbs[0..<limbShift].contains { $0 != 0 }
        if bitShift != 0 && limbs[limbShift] & ((1 << bitShift) - 1) != 0 { lost = true }
        var result: [UInt64] = []
        result.reserveCapacity(limbs.count - limbShift)
        for index in limbShift..<limbs.count {
            var limb = limbs[index] >> bitShift
            if bitShift != 0 && index + 1 < limbs.count {
                limb |= limbs[index + 1] << (64 - bitShift)
            }
            result.append(limb)
        }
        return (BigNatural(limbs: result), lost)
    }

    /// `self << shift`.
    func shiftedLeft(by shift: Int) -> BigNatural {
        guard !isZero else { return self }
        let limbShift = shift / 64
        let bitShift = UInt64(shift % 64)
        var result = [UInt64](repeating: 0, count: limbShift)
        result.reserveCapacity(limbShift + limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            result.append(limb << bitShift | carry)
            carry = bitShift == 0 ? 0 : limb >> (64 - bitShift)
        }
        result.append(carry)
        return BigNatural(limbs: result)
    }

    /// Divides in place by a non-zero `divisor` and returns the remainder.
    mutating func divide(by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let (quotient, rest) = divisor.dividingFullWidth((high: remainder, low: limbs[index]))
            limbs[index] = quotient
            remainder = rest
        }
        normalize()
        return remainder
    }

    /// Three-way comparison: negative, zero or positive as `lhs` is less than, equal to or greater than `rhs`.
    static func compare(_ lhs: BigNatural, _ rhs: BigNatural) -> Int {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count ? -1 : 1 }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index] ? -1 : 1
        }
        return 0
    }

    private mutating func normalize() {
        while let top = limbs.last, top == 0 { limbs.removeLast() }
    }
}
