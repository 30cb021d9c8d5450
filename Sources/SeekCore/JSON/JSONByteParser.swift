/// The hand-written byte parser behind `JSONParser`: a single pass over the buffer with
/// explicit container stacks instead of recursion (so hostile nesting cannot overflow the call
/// stack). String bytes are validated as UTF-8 while scanning and decoded once.
///
/// It only lives for the duration of one `JSONParser.parse` call, inside the closure that
/// provides `bytes`, so the unsafe buffer never escapes.
struct JSONByteParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private var position = 0
    private var depth = 0
    /// Reused buffer for the UTF-8 bytes of strings that contain escapes.
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: Document and values

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw error("Unexpected UTF-8 BOM (decode using utf-8-sig)", at: 0)
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position != count {
            throw error("Extra data", at: position)
        }
        return value
    }

    /// Which kind of container is open at each nesting level.
    private enum Container {
        case array
        case object
    }

    /// Parses one value at `position` (whitespace already skipped). Containers are handled
    /// iteratively with explicit stacks, so nesting depth never consumes call stack.
    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        var containers: [Container] = []
        var arrays: [[JSONValue]] = []
        var objects: [JSONObject] = []
        var keys: [String] = []

        nextValue: while true {
            var value: JSONValue
            guard position < count else { throw error("Expecting value", at: position) }
            switch bytes[position] {
            case UInt8(ascii: "["):
                try enterContainer()
                if position < count && bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    depth -= 1
                    value = .array([])
                } else {
                    containers.append(.array)
                    arrays.append([])
                    continue nextValue
                }
            case UInt8(ascii: "{"):
                try enterContainer()
                if position < count && bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    depth -= 1
                    value = .object(JSONObject())
                } else {
                    containers.append(.object)
                    objects.append(JSONObject())
                    keys.append(try parseMemberName())
                    continue nextValue
                }
            default:
                value = try parseScalar()
            }

            // Store the value in its container; close every container that ends right here.
            while let container = containers.last {
                switch container {
                case .array: arrays[arrays.count - 1].append(value)
                case .object: objects[objects.count - 1].setValue(value, forKey: keys.removeLast())
                }
                skipWhitespace()
                guard position < count else { throw error("Expecting ',' delimiter", at: position) }
                let closer = container == .array ? UInt8(ascii: "]") : UInt8(ascii: "}")
                let byte = bytes[position]
                if byte == closer {
                    position += 1
                    depth -= 1
                    containers.removeLast()
                    value = container == .array ? .array(arrays.removeLast()) : .object(objects.removeLast())
                    continue
                }
                guard byte == UInt8(ascii: ",") else { throw error("Expecting ',' delimiter", at: position) }
                let comma = position
                position += 1
                skipWhitespace()
                if position < count && bytes[position] == closer {
                    throw error(
                        container == .array
                            ? "Illegal trailing comma before end of array" : "Illegal trailing comma before end of object",
                        at: comma)
                }
                if container == .object {
                    keys.append(try parseMemberName())
                }
                continue nextValue
            }
            return value
        }
    }

    /// Parses `"name" :` at `position` and skips the whitespace after the colon.
    private mutating func parseMemberName() throws(JSONSyntaxError) -> String {
        guard position < count && bytes[position] == UInt8(ascii: "\"") else {
            throw error("Expecting property name enclosed in double quotes", at: position)
        }
        let name = try parseString()
        skipWhitespace()
        guard position < count && bytes[position] == UInt8(ascii: ":") else {
            throw error("Expecting ':' delimiter", at: position)
        }
        position += 1
        skipWhitespace()
        return name
    }

    /// Parses a string, number, `true`, `false` or `null` at `position`.
    private mutating func parseScalar() throws(JSONSyntaxError) -> JSONValue {
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("Expecting value", at: position)
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let length = literal.utf8CodeUnitCount
        guard count - position >= length else { throw error("Expecting value", at: position) }
        let expected = literal.utf8Start
        for offset in 0..<length where bytes[position + offset] != expected[offset] {
            throw error("Expecting value", at: position)
        }
        position += length
    }

    /// Enters an array or object at the bracket under `position`, enforcing `maxDepth`, and
    /// skips the whitespace after the bracket.
    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth {
            throw error("Maximum nesting depth exceeded", at: position)
        }
        position += 1
        skipWhitespace()
    }

    // MARK: Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = position
        position += 1
        let start = position
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                return try parseEscapedString(quote: quote)
            }
            if byte < 0x20 {
                throw error("Invalid control character at", at: position)
            }
            if byte < 0x80 {
                position += 1
            } else {
                position += try utf8SequenceLength()
            }
        }
        throw error("Unterminated string starting at", at: quote)
    }

    /// Continues a string at its first backslash, collecting UTF-8 into `scratch`.
    private mutating func parseEscapedString(quote: Int) throws(JSONSyntaxError) -> String {
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(quote: quote)
            } else if byte < 0x20 {
                throw error("Invalid control character at", at: position)
            } else if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let length = try utf8SequenceLength()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
                position += length
            }
        }
        throw error("Unterminated string starting at", at: quote)
    }

    /// Decodes one escape sequence starting at the backslash under `position`.
    private mutating func parseEscape(quote: Int) throws(JSONSyntaxError) {
        let backslash = position
        position += 1
        guard position < count else { throw error("Unterminated string starting at", at: quote) }
        let escaped = bytes[position]
        position += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            scratch.append(escaped)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
        case UInt8(ascii: "n"):
            scratch.append(0x0A)
        case UInt8(ascii: "r"):
            scratch.append(0x0D)
        case UInt8(ascii: "t"):
            scratch.append(0x09)
        case UInt8(ascii: "u"):
            // Like Python, four hex digits that end the input are reported as a bad escape.
            guard count - position > 4, let unit = hexQuad(at: position) else {
                throw error("Invalid \\uXXXX escape", at: position - 1)
            }
            position += 4
            var scalar = UInt32(unit)
            if (0xD800..<0xDC00).contains(unit) {
                if count - position > 6,  // as in Python, a pair that ends the input is not combined
                    bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u"),
                    let low = hexQuad(at: position + 2),
                    (0xDC00..<0xE000).contains(low)
                {
                    scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    position += 6
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00..<0xE000).contains(unit) {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
        default:
            throw error("Invalid \\escape", at: backslash)
        }
    }

    /// The value of four hex digits at `offset`, or `nil` if they are missing or invalid.
    private func hexQuad(at offset: Int) -> UInt16? {
        guard count - offset >= 4 else { return nil }
        var value: UInt16 = 0
        for index in offset..<offset + 4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Validates the multi-byte UTF-8 sequence at `position` (lead byte >= 0x80) and returns its length.
    /// Rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences.
    private func utf8SequenceLength() throws(JSONSyntaxError) -> Int {
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw error("Invalid UTF-8 byte", at: position)
        }
        guard count - position >= length, secondRange.contains(bytes[position + 1]) else {
            throw error("Invalid UTF-8 byte", at: position)
        }
        var index = position + 2
        while index < position + length {
            guard bytes[index] & 0xC0 == 0x80 else { throw error("Invalid UTF-8 byte", at: position) }
            index += 1
        }
        return length
    }

    // MARK: Numbers

    /// Exact powers of ten for the fast path (all exactly representable).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard position < count && Self.isDigit(bytes[position]) else {
            throw error("Expecting value", at: start)
        }
        // Up to 19 significant digits are accumulated exactly; more force the slow path.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < count && Self.isDigit(bytes[position]) {
                accumulate(bytes[position], into: &mantissa, digits: &significantDigits)
                position += 1
            }
        }
        var isInteger = true
        if count - position >= 2 && bytes[position] == UInt8(ascii: ".") && Self.isDigit(bytes[position + 1]) {
            isInteger = false
            position += 1
            while position < count && Self.isDigit(bytes[position]) {
                accumulate(bytes[position], into: &mantissa, digits: &significantDigits)
                decimalExponent -= 1
                position += 1
            }
        }
        if position < count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            var cursor = position + 1
            var exponentNegative = false
            if cursor < count && (bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-")) {
                exponentNegative = bytes[cursor] == UInt8(ascii: "-")
                cursor += 1
            }
            if cursor < count && Self.isDigit(bytes[cursor]) {
                isInteger = false
                var exponent = 0
                while cursor < count && Self.isDigit(bytes[cursor]) {
                    if exponent < 1_000_000 {
                        exponent = exponent * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                    }
                    cursor += 1
                }
                decimalExponent += exponentNegative ? -exponent : exponent
                position = cursor
            }
        }

        if isInteger && significantDigits <= 19 {
            if !negative && mantissa <= UInt64(Int.max) {
                return .int(Int(mantissa))
            }
            if negative && mantissa <= UInt64(Int.max) + 1 {
                return .int(Int(bitPattern: UInt(0 &- mantissa)))
            }
        }
        if significantDigits <= 19 && mantissa <= 1 << 53 && (-22...22).contains(decimalExponent) {
            // Clinger's fast path: both operands exact, so one correctly rounded operation.
            var value = Double(mantissa)
            if decimalExponent >= 0 {
                value *= Self.powersOfTen[decimalExponent]
            } else {
                value /= Self.powersOfTen[-decimalExponent]
            }
            return .double(negative ? -value : value)
        }
        if mantissa == 0 && significantDigits == 0 {
            return .double(negative ? -0.0 : 0.0)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else {
            throw error("Invalid number", at: start)
        }
        guard value.isFinite else {
            throw error("Number out of range", at: start)
        }
        return .double(value)
    }

    private func accumulate(_ byte: UInt8, into mantissa: inout UInt64, digits: inout Int) {
        let digit = UInt64(byte - UInt8(ascii: "0"))
        if digits == 0 && digit == 0 { return }
        digits += 1
        if digits <= 19 {
            mantissa = mantissa * 10 + digit
        }
    }

    // MARK: Helpers

    private mutating func skipWhitespace() {
        while position < count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset, in: bytes)
    }
}
