import Foundation
import SeekCore
import Testing

/// A rejected document: the input bytes and the expected error (Python's wording and position
/// wherever Python also rejects the input).
struct RejectionCase: Sendable, CustomTestStringConvertible {
    let label: String
    let bytes: [UInt8]
    let message: String
    let line: Int
    let column: Int
    let offset: Int

    init(_ label: String, _ text: String, _ message: String, line: Int = 1, column: Int, offset: Int) {
        self.init(label, Array(text.utf8), message, line: line, column: column, offset: offset)
    }

    init(_ label: String, _ bytes: [UInt8], _ message: String, line: Int = 1, column: Int, offset: Int) {
        self.label = label
        self.bytes = bytes
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    var testDescription: String { label }
}

let rejectionCases: [RejectionCase] = [
    RejectionCase("trailing comma in array", "[1,2,]", "Illegal trailing comma before end of array", column: 5, offset: 4),
    RejectionCase("trailing comma in object", "{\"a\":1,}", "Illegal trailing comma before end of object", column: 7, offset: 6),
    RejectionCase("trailing comma before whitespace", "[1, \n]", "Illegal trailing comma before end of array", column: 3, offset: 2),
    RejectionCase("bare dollar token", "$217.00", "Expecting value", column: 1, offset: 0),
    RejectionCase("bare token as member value", "{\"price\": $217.00}", "Expecting value", column: 11, offset: 10),
    RejectionCase("NaN", "NaN", "Expecting value", column: 1, offset: 0),
    RejectionCase("Infinity", "Infinity", "Expecting value", column: 1, offset: 0),
    RejectionCase("negative Infinity", "-Infinity", "Expecting value", column: 1, offset: 0),
    RejectionCase("NaN in array", "[NaN]", "Expecting value", column: 2, offset: 1),
    RejectionCase("leading zero", "01", "Extra data", column: 2, offset: 1),
    RejectionCase("leading zero in array", "[01]", "Expecting ',' delimiter", column: 3, offset: 2),
    RejectionCase("negative leading zero", "-01", "Extra data", column: 3, offset: 2),
    RejectionCase("plus sign", "+1", "Expecting value", column: 1, offset: 0),
    RejectionCase("missing integer part", ".5", "Expecting value", column: 1, offset: 0),
    RejectionCase("missing fraction digits", "1.", "Extra data", column: 2, offset: 1),
    RejectionCase("missing fraction before exponent", "1.e5", "Extra data", column: 2, offset: 1),
    RejectionCase("missing exponent digits", "1e", "Extra data", column: 2, offset: 1),
    RejectionCase("signed exponent without digits", "1e+", "Extra data", column: 2, offset: 1),
    RejectionCase("lone minus", "-", "Expecting value", column: 1, offset: 0),
    RejectionCase("double minus", "--1", "Expecting value", column: 1, offset: 0),
    RejectionCase("control character in string", "\"a\u{01}b\"", "Invalid control character at", column: 3, offset: 2),
    RejectionCase("raw tab in string", "\"tab\there\"", "Invalid control character at", column: 5, offset: 4),
    RejectionCase("raw newline in string", "[\"a\nb\"]", "Invalid control character at", column: 4, offset: 3),
    RejectionCase("invalid escape", "\"a\\xb\"", "Invalid \\escape", column: 3, offset: 2),
    RejectionCase("invalid hex in unicode escape", "\"\\u12G4\"", "Invalid \\uXXXX escape", column: 3, offset: 2),
    RejectionCase("short unicode escape", "\"\\u00e\"", "Invalid \\uXXXX escape", column: 3, offset: 2),
    RejectionCase("UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "Unexpected UTF-8 BOM (decode using utf-8-sig)", column: 1, offset: 0),
    RejectionCase("invalid UTF-8 byte", [0x22, 0x61, 0xFF, 0x22], "Invalid UTF-8 byte", column: 3, offset: 2),
    RejectionCase("overlong UTF-8", [0x22, 0xC0, 0x80, 0x22], "Invalid UTF-8 byte", column: 2, offset: 1),
    RejectionCase("UTF-8 encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], "Invalid UTF-8 byte", column: 2, offset: 1),
    RejectionCase("truncated UTF-8", [0x22, 0xE2, 0x82, 0x22], "Invalid UTF-8 byte", column: 2, offset: 1),
    RejectionCase("UTF-8 above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "Invalid UTF-8 byte", column: 2, offset: 1),
    RejectionCase("trailing data", "{} x", "Extra data", column: 4, offset: 3),
    RejectionCase("second value", "[1] ]", "Extra data", column: 5, offset: 4),
    RejectionCase("overflowing number", "1e400", "Number out of range", column: 1, offset: 0),
    RejectionCase("negative overflowing number", "[-1e400]", "Number out of range", column: 2, offset: 1),
    RejectionCase("empty input", "", "Expecting value", column: 1, offset: 0),
    RejectionCase("whitespace only", "   ", "Expecting value", column: 4, offset: 3),
    RejectionCase("form feed is not whitespace", "\u{0C}1", "Expecting value", column: 1, offset: 0),
    RejectionCase("no-break space is not whitespace", "\u{A0}1", "Expecting value", column: 1, offset: 0),
    RejectionCase("unterminated string", "\"abc", "Unterminated string starting at", column: 1, offset: 0),
    RejectionCase("unterminated escape", "\"\\", "Unterminated string starting at", column: 1, offset: 0),
    RejectionCase("single quotes", "'a'", "Expecting value", column: 1, offset: 0),
    RejectionCase("comment", "// c\n1", "Expecting value", column: 1, offset: 0),
    RejectionCase("missing comma", "[1 2]", "Expecting ',' delimiter", column: 4, offset: 3),
    RejectionCase("missing colon", "{\"a\" 1}", "Expecting ':' delimiter", column: 6, offset: 5),
    RejectionCase("unquoted key", "{a:1}", "Expecting property name enclosed in double quotes", column: 2, offset: 1),
    RejectionCase("missing comma on line 3", "[1,\n  2,\n  3 4]", "Expecting ',' delimiter", line: 3, column: 5, offset: 13),
    RejectionCase("missing comma between members", "{\"a\":1 \"b\":2}", "Expecting ',' delimiter", column: 8, offset: 7),
    RejectionCase("unclosed array", "[", "Expecting value", column: 2, offset: 1),
    RejectionCase("unclosed array after value", "[1", "Expecting ',' delimiter", column: 3, offset: 2),
    RejectionCase("unclosed object", "{", "Expecting property name enclosed in double quotes", column: 2, offset: 1),
    RejectionCase("missing member value", "{\"a\":", "Expecting value", column: 6, offset: 5),
    RejectionCase("truncated true", "tru", "Expecting value", column: 1, offset: 0),
    RejectionCase("truncated null", "nul", "Expecting value", column: 1, offset: 0),
    RejectionCase("capitalised True", "True", "Expecting value", column: 1, offset: 0),
    RejectionCase("leading comma in array", "[,1]", "Expecting value", column: 2, offset: 1),
    RejectionCase("lone comma in object", "{,}", "Expecting property name enclosed in double quotes", column: 2, offset: 1),
    RejectionCase("double comma", "[1,,2]", "Expecting value", column: 4, offset: 3),
]

@Suite("JSONParser")
struct JSONParserTests {
    @Test("accepts a valid nested document")
    func acceptsNestedDocument() throws {
        let text = """
            {"name": "RTX 4090", "price": 1599.99, "vram": 24, "tags": ["gpu", "nvidia"],
             "specs": {"tdp": 450, "ratio": -1.5e-3, "ok": true, "bad": false, "none": null},
             "empty": [], "nothing": {}}
            """
        let value = try JSONParser.parse(text)
        #expect(value["name"] == "RTX 4090")
        #expect(value["price"] == .double(1599.99))
        #expect(value["vram"] == .int(24))
        #expect(value["tags"] == ["gpu", "nvidia"])
        #expect(value["specs"]?["ratio"]?.doubleValue == -0.0015)
        #expect(value["specs"]?["ok"] == .bool(true))
        #expect(value["specs"]?["bad"] == .bool(false))
        #expect(value["specs"]?["none"]?.isNull == true)
        #expect(value["empty"]?.arrayValue?.isEmpty == true)
        #expect(value["nothing"]?.objectValue?.isEmpty == true)
        #expect(value.objectValue?.keys == ["name", "price", "vram", "tags", "specs", "empty", "nothing"])
    }

    @Test("integer literals become ints and everything else doubles")
    func distinguishesIntsFromDoubles() throws {
        #expect(try JSONParser.parse("1").intValue == 1)
        guard case .int(0) = try JSONParser.parse("-0") else {
            Issue.record("-0 should be an int")
            return
        }
        guard case .double(let one) = try JSONParser.parse("1.0"), one == 1.0 else {
            Issue.record("1.0 should be a double")
            return
        }
        guard case .double(let hundred) = try JSONParser.parse("1E2"), hundred == 100 else {
            Issue.record("1E2 should be a double")
            return
        }
        guard case .double(let negativeZero) = try JSONParser.parse("-0.0") else {
            Issue.record("-0.0 should be a double")
            return
        }
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(Int.min))
    }

    @Test(
        "integers too large for Int become correctly rounded doubles",
        arguments: [
            ("9223372036854775808", 9223372036854775808.0),
            ("-9223372036854775809", -9223372036854775809.0),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("100000000000000000000000000000000000000000000000000", 1e50),
        ])
    func bigIntegersBecomeDoubles(_ text: String, _ expected: Double) throws {
        let value = try JSONParser.parse(text)
        guard case .double(let number) = value else {
            Issue.record("\(text) should parse as a double, got \(value)")
            return
        }
        #expect(number == expected)
    }

    @Test(
        "decimal numbers are converted with correct rounding",
        arguments: [
            ("0.1", 0.1), ("76.6", 76.6), ("2.675", 2.675), ("1e-05", 1e-05), ("5e-324", .leastNonzeroMagnitude),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("2.2250738585072014e-308", 2.2250738585072014e-308),
            ("0.30000000000000004", 0.30000000000000004), ("9007199254740993.0", 9007199254740992.0),
            ("123456789012345678901234567890.5e-10", 12345678901234567890.12345), ("1e-400", 0.0),
            ("2.4703282292062328e-324", .leastNonzeroMagnitude), ("2.4703282292062327e-324", 0.0),
            ("0.000000000000000000000000000001", 1e-30), ("17976931348623158e292", 1.7976931348623157e308),
        ])
    func convertsDecimalsCorrectly(_ text: String, _ expected: Double) throws {
        #expect(try JSONParser.parse(text).doubleValue == expected)
    }

    @Test("decodes escapes, surrogate pairs and raw UTF-8")
    func decodesStrings() throws {
        #expect(try JSONParser.parse(#""caf\u00e9 \u00C9""#) == "café É")
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == "😀")
        #expect(try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try JSONParser.parse("\"raw é 😀 日本\"") == "raw é 😀 日本")
        #expect(try JSONParser.parse(#""\u0000""#) == "\u{0}")
        #expect(try JSONParser.parse("\"\u{7F}\"") == "\u{7F}")
    }

    @Test(
        "a lone surrogate escape becomes U+FFFD",
        arguments: [
            (#""\ud800""#, "\u{FFFD}"), (#""\udc00x""#, "\u{FFFD}x"), (#""\ud83d\u0041""#, "\u{FFFD}A"),
            (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"), (#""a\ud83d""#, "a\u{FFFD}"),
        ])
    func loneSurrogatesBecomeReplacementCharacters(_ text: String, _ expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test("duplicate keys keep the first position and the last value")
    func duplicateKeysLastValueWins() throws {
        let value = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == .int(3))
        #expect(value.objectValue?.count == 2)
    }

    @Test("accepts the four whitespace characters around tokens")
    func acceptsWhitespace() throws {
        #expect(try JSONParser.parse(" \t\r\n[ 1 ,\t2\r\n]\n ") == [1, 2])
    }

    @Test("rejects invalid input with Python's message and position", arguments: rejectionCases)
    func rejects(_ testCase: RejectionCase) {
        #expect {
            try JSONParser.parse(testCase.bytes)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.message == testCase.message && error.line == testCase.line
                && error.column == testCase.column && error.offset == testCase.offset
        }
    }

    @Test("the error description follows Python's format")
    func errorDescription() {
        do {
            _ = try JSONParser.parse("[1,\n  2,\n  3 4]")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.description == "Expecting ',' delimiter: line 3 column 5 (char 13)")
            #expect(error == JSONSyntaxError(message: "Expecting ',' delimiter", offset: 13, line: 3, column: 5))
        }
    }

    @Test("nesting up to the limit is accepted and beyond it rejected without crashing")
    func guardsNestingDepth() throws {
        let limit = JSONParser.defaultMaxDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let parsed = try JSONParser.parse(deepest)
        let reparsed = try JSONParser.parse(CanonicalJSON.encode(parsed))
        #expect(reparsed == parsed)

        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(throws: JSONSyntaxError(message: "Maximum nesting depth exceeded", offset: limit, line: 1, column: limit + 1)) {
            try JSONParser.parse(tooDeep)
        }
        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(hostile) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[[[1]]]", maxDepth: 2) }
        #expect(try JSONParser.parse("[[1]]", maxDepth: 2) == [[1]])
    }

    @Test("every input type parses to the same value")
    func inputOverloadsAgree() throws {
        let text = #"{"k": [1, 2.5, "é"], "z": null}"#
        let bytes = Array(text.utf8)
        let expected = try JSONParser.parse(bytes)
        #expect(try JSONParser.parse(Data(bytes)) == expected)
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(bytes[...]) == expected)
        #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == expected)
        let fromBuffer = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONParser.parse(buffer)
        }
        #expect(fromBuffer == expected)
        let fromSubdata = try JSONParser.parse(Data([0x20] + bytes).dropFirst())
        #expect(fromSubdata == expected)
    }

    @Test("a large object with many keys looks members up correctly")
    func largeObjects() throws {
        let members = (0..<500).map { "\"key\($0)\": \($0)" }.joined(separator: ", ")
        let value = try JSONParser.parse("{\(members), \"key7\": \"last\"}")
        #expect(value.objectValue?.count == 500)
        #expect(value["key499"] == .int(499))
        #expect(value["key7"] == "last")
        #expect(value.objectValue?.keys.first == "key0")
        #expect(value["missing"] == nil)
    }
}
