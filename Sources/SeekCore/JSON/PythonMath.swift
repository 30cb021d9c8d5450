import Foundation

/// Python's float arithmetic helpers, reproduced exactly.
public enum PythonMath {
    /// Python's `round(x, places)` for a float: the exact binary value of `x` correctly rounded to
    /// `places` decimal places (exact ties go to even, so `round(2.675, 2) == 2.67` and
    /// `round(0.125, 2) == 0.12`), then converted back to the nearest `Double`. Negative `places`
    /// round to tens, hundreds, … like Python. Non-finite `x` is returned unchanged; the sign of a
    /// zero result is kept (`round(-0.4, 0) == -0.0`).
    public static func round(_ x: Double, places: Int) -> Double {
        guard x.isFinite else { return x }
        if places >= 0 {
            // Beyond 323 places every double is already exact (Python returns x unchanged too).
            guard places <= 323 else { return x }
            return Double(CFormat.format("%.*f", Int32(places), x)) ?? x
        }
        // Python returns a signed zero for absurdly negative places.
        guard places >= -308 else { return 0.0 * x }
        return roundToTens(x, power: -places)
    }

    /// Rounds `x` to a multiple of `10^power` (power >= 1) exactly, ties to even.
    private static func roundToTens(_ x: Double, power: Int) -> Double {
        let magnitude = x.magnitude
        let integral = magnitude.rounded(.towardZero)
        let fractionIsZero = magnitude == integral  // `magnitude - integral` is exact
        var digits = Array(CFormat.format("%.0f", integral).utf8)
        if digits.count <= power {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: power + 1 - digits.count), at: 0)
        }
        let split = digits.count - power
        let dropped = digits[split...]
        var kept = Array(digits[..<split])
        let lead = dropped[split]
        let roundUp: Bool
        if lead != UInt8(ascii: "5") {
            roundUp = lead > UInt8(ascii: "5")
        } else if fractionIsZero && dropped.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") }) {
            roundUp = (kept.last ?? UInt8(ascii: "0")) % 2 == 1  // exact tie: to even ("1" is 0x31, odd)
        } else {
            roundUp = true
        }
        if roundUp {
            var index = kept.count - 1
            while index >= 0 && kept[index] == UInt8(ascii: "9") {
                kept[index] = UInt8(ascii: "0")
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(UInt8(ascii: "1"), at: 0)
            }
        }
        kept.append(UInt8(ascii: "e"))
        kept.append(contentsOf: String(power).utf8)
        let value = Double(String(decoding: kept, as: UTF8.self)) ?? magnitude
        return x.sign == .minus ? -value : value
    }

    /// Python's `statistics.mean` of floats: the exact rational mean of the values, rounded once
    /// (to nearest, ties to even) to a `Double`. `nil` for an empty array, NaN if any value is not
    /// finite. Exact for any mix of magnitudes including subnormals; an exactly-zero mean is `0.0`.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        guard values.allSatisfy(\.isFinite) else { return .nan }
        // Each finite double is significand × 2^exponent with an integer significand < 2^53.
        var smallestExponent = Int.max
        for value in values where value != 0 {
            smallestExponent = min(smallestExponent, binaryExponent(of: value))
        }
        guard smallestExponent != Int.max else { return 0.0 }
        var positive = BigNatural()
        var negative = BigNatural()
        for value in values where value != 0 {
            let shift = binaryExponent(of: value) - smallestExponent
            if value < 0 {
                negative.add(integerSignificand(of: value), shiftedLeftBy: shift)
            } else {
                positive.add(integerSignificand(of: value), shiftedLeftBy: shift)
            }
        }
        let isNegative = BigNatural.compare(positive, negative) < 0
        var sum = isNegative ? negative : positive
        sum.subtract(isNegative ? positive : negative)
        if sum.isZero { return 0.0 }
        let magnitude = correctlyRoundedQuotient(
            sum, timesPowerOfTwo: smallestExponent, dividedBy: UInt64(values.count))
        return isNegative ? -magnitude : magnitude
    }

    /// The integer significand of a finite non-zero double (the value is this × 2^binaryExponent).
    private static func integerSignificand(of value: Double) -> UInt64 {
        value.exponentBitPattern == 0
            ? value.significandBitPattern
            : value.significandBitPattern | 1 << 52
    }

    /// The binary exponent of the last significand bit of a finite non-zero double.
    private static func binaryExponent(of value: Double) -> Int {
        Int(max(value.exponentBitPattern, 1)) - 1075
    }

    /// `numerator × 2^exponent / divisor` rounded to the nearest double (ties to even), for a
    /// non-zero numerator and divisor. Handles subnormal results; never overflows for means.
    static func correctlyRoundedQuotient(
        _ numerator: BigNatural, timesPowerOfTwo exponent: Int, dividedBy divisor: UInt64
    ) -> Double {
        let divisorBits = 64 - divisor.leadingZeroBitCount
        // Scale so that the integer quotient has 55 or 56 bits: 53 + guard bits.
        let scale = numerator.bitWidth - divisorBits - 55
        var quotient: BigNatural
        var inexact: Bool
        if scale > 0 {
            (quotient, inexact) = numerator.shiftedRight(by: scale)
        } else {
            quotient = numerator.shiftedLeft(by: -scale)
            inexact = false
        }
        if quotient.divide(by: divisor) != 0 { inexact = true }
        let bits = quotient.low64  // < 2^56
        var resultExponent = exponent + scale
        var drop = (64 - bits.leadingZeroBitCount) - 53
        if resultExponent + drop < -1074 { drop = -1074 - resultExponent }
        if drop >= 58 { return 0.0 }  // below half the smallest subnormal
        var kept = bits >> UInt64(drop)
        let remainder = bits & ((1 << UInt64(drop)) - 1)
        let half: UInt64 = 1 << UInt64(drop - 1)
        if remainder > half || (remainder == half && (inexact || kept & 1 == 1)) {
            kept += 1
        }
        resultExponent += drop
        if kept == 1 << 53 {
            kept >>= 1
            resultExponent += 1
        }
        if kept < 1 << 52 {
            // Subnormal (resultExponent == -1074) or zero.
            return Double(sign: .plus, exponentBitPattern: 0, significandBitPattern: kept)
        }
        let biased = resultExponent + 1075
        guard biased < 2047 else { return .infinity }
        return Double(sign: .plus, exponentBitPattern: UInt(biased), significandBitPattern: kept & (1 << 52 - 1))
    }
}
