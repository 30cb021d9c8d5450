import Foundation

/// Python's textual formatting of floats, reproduced byte for byte.
public enum PythonFloat {
    /// Python's `repr(x)` (also `str(x)`): the shortest digits that round-trip, positional when the
    /// decimal exponent is in `-4..<16` (`75.0`, `0.0001`), scientific otherwise (`1e-05`, `1.5e+16`);
    /// `-0.0`, `inf`, `-inf`, `nan` for the special values.
    public static func repr(_ x: Double) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendRepr(x, to: &bytes, json: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Python's `format(x, "g")`: six significant digits, correctly rounded (ties to even), trailing
    /// zeros stripped, scientific notation when the exponent is below -4 or at least 6
    /// (`45`, `38.5`, `1e-05`, `1.23457e+06`, `-0`, `inf`, `nan`).
    public static func formatG(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return CFormat.format("%g", x)
    }

    /// Appends `repr(x)` to `buffer`; with `json` the non-finite values are written the way
    /// Python's `json.dumps` writes them (`NaN`, `Infinity`, `-Infinity`).
    static func appendRepr(_ x: Double, to buffer: inout [UInt8], json: Bool) {
        if x.isNaN {
            appendASCII(json ? "NaN" : "nan", to: &buffer)
            return
        }
        if x.isInfinite {
            if x < 0 { buffer.append(UInt8(ascii: "-")) }
            appendASCII(json ? "Infinity" : "inf", to: &buffer)
            return
        }
        if x == 0 {
            appendASCII(x.sign == .minus ? "-0.0" : "0.0", to: &buffer)
            return
        }
        // Swift's description is also the shortest round-tripping (and closest) digit string;
        // only its layout differs from Python's, so extract digits + exponent and re-lay them out.
        var text = x.description
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count) { digits in
                let shortest = extractDigits(from: utf8, into: digits)
                layOut(
                    UnsafeBufferPointer(rebasing: digits[shortest.first..<shortest.end]),
                    decimalPoint: shortest.decimalPoint, negative: x < 0, to: &buffer)
            }
        }
    }

    /// Parses Swift's `description` of a finite non-zero double (e.g. `-1.25e-05`, `75.0`) into the
    /// significant digits `digits[first..<end]` (no leading/trailing zeros) and the decimal point
    /// position, meaning the value is `0.<digits> × 10^decimalPoint`.
    private static func extractDigits(
        from utf8: UnsafeBufferPointer<UInt8>, into digits: UnsafeMutableBufferPointer<UInt8>
    ) -> (first: Int, end: Int, decimalPoint: Int) {
        var index = 0
        if index < utf8.count && utf8[index] == UInt8(ascii: "-") { index += 1 }
        var digitCount = 0
        var integerDigits = 0
        var seenPoint = false
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                digits[digitCount] = byte
                digitCount += 1
                if !seenPoint { integerDigits += 1 }
            }
            index += 1
        }
        var exponent = 0
        if index < utf8.count {
            index += 1
            var negativeExponent = false
            if index < utf8.count && (utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+")) {
                negativeExponent = utf8[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < utf8.count {
                exponent = exponent * 10 + Int(utf8[index] &- UInt8(ascii: "0"))
                index += 1
            }
            if negativeExponent { exponent = -exponent }
        }
        var decimalPoint = integerDigits + exponent
        var first = 0
        while first < digitCount && digits[first] == UInt8(ascii: "0") {
            first += 1
            decimalPoint -= 1
        }
        var end = digitCount
        while end > first && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        return (first, end, decimalPoint)
    }

    /// Writes `0.<digits> × 10^decimalPoint` in Python `repr` layout.
    private static func layOut(
        _ digits: UnsafeBufferPointer<UInt8>, decimalPoint: Int, negative: Bool, to buffer: inout [UInt8]
    ) {
        if negative { buffer.append(UInt8(ascii: "-")) }
        let count = digits.count
        let exponent = decimalPoint - 1
        if exponent >= -4 && exponent < 16 {
            if decimalPoint <= 0 {
                buffer.append(UInt8(ascii: "0"))
                buffer.append(UInt8(ascii: "."))
                buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -decimalPoint))
                buffer.append(contentsOf: digits)
            } else if decimalPoint < count {
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<decimalPoint]))
                buffer.append(UInt8(ascii: "."))
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[decimalPoint..<count]))
            } else {
                buffer.append(contentsOf: digits)
                buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimalPoint - count))
                buffer.append(UInt8(ascii: "."))
                buffer.append(UInt8(ascii: "0"))
            }
            return
        }
        buffer.append(digits[0])
        if count > 1 {
            buffer.append(UInt8(ascii: "."))
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[1..<count]))
        }
        buffer.append(UInt8(ascii: "e"))
        buffer.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = exponent.magnitude
        if magnitude < 10 { buffer.append(UInt8(ascii: "0")) }
        appendDecimal(magnitude, to: &buffer)
    }

    /// Appends the decimal digits of `value`.
    static func appendDecimal(_ value: UInt, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var remaining = value
            var index = 20
            repeat {
                index -= 1
                scratch[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            } while remaining > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[index..<20]))
        }
    }

    private static func appendASCII(_ text: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
