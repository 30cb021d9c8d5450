import SeekCore
import Testing

@Suite("CanonicalJSON")
struct CanonicalJSONTests {
    @Test("encodes exactly like Python's json.dumps(value, indent=2)", arguments: encodeGoldens)
    func encodesLikePython(_ value: JSONValue, _ expected: String) {
        let encoded = CanonicalJSON.encode(value, trailingNewline: false)
        #expect(String(decoding: encoded, as: UTF8.self) == expected)
    }

    @Test("parse then encode equals Python's json.dumps(json.loads(document), indent=2)", arguments: roundTripGoldens)
    func roundTripsLikePython(_ document: String, _ expected: String) throws {
        let value = try JSONParser.parse(document)
        #expect(CanonicalJSON.encode(value, trailingNewline: false) == Array(expected.utf8))
        // Encoding is a fixed point: re-parsing our output gives an equal value and identical bytes.
        let again = try JSONParser.parse(CanonicalJSON.encode(value))
        #expect(again == value)
        #expect(CanonicalJSON.encode(again) == CanonicalJSON.encode(value))
    }

    @Test("the trailing newline option appends exactly one line feed")
    func trailingNewline() {
        let value: JSONValue = ["a": [1]]
        let withNewline = CanonicalJSON.encode(value)
        let without = CanonicalJSON.encode(value, trailingNewline: false)
        #expect(withNewline == without + [0x0A])
        #expect(without.last == UInt8(ascii: "}"))
        #expect(CanonicalJSON.encode(.string("x")) == Array("\"x\"\n".utf8))
    }

    @Test("strings are escaped with ensure_ascii rules")
    func escapesStrings() {
        let cases: [(String, String)] = [
            ("/", #""/""#),
            ("\u{7F}", #""\u007f""#),
            ("\u{1F}\u{0}", #""\u001f\u0000""#),
            ("é", #""\u00e9""#),
            ("😀", #""\ud83d\ude00""#),
            ("\u{FFFF}\u{10000}", #""\uffff\ud800\udc00""#),
            ("\"\\\n\r\t\u{8}\u{C}", #""\"\\\n\r\t\b\f""#),
            ("e\u{301}", #""e\u0301""#),
        ]
        for (text, expected) in cases {
            var buffer: [UInt8] = []
            CanonicalJSON.appendString(text, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == expected)
        }
    }

    @Test("append embeds a value at a given nesting level")
    func appendAtLevel() {
        var buffer = Array("{\n  \"data\": ".utf8)
        CanonicalJSON.append(["k": [1]], to: &buffer, indent: 1)
        buffer.append(contentsOf: "\n}".utf8)
        let whole: JSONValue = ["data": ["k": [1]]]
        #expect(buffer == CanonicalJSON.encode(whole, trailingNewline: false))
    }

    @Test("object keys are written in insertion order")
    func keyOrder() {
        let object = JSONObject([("zeta", 1), ("alpha", 2), ("mid", 3)])
        #expect(String(decoding: CanonicalJSON.encode(.object(object), trailingNewline: false), as: UTF8.self)
            == "{\n  \"zeta\": 1,\n  \"alpha\": 2,\n  \"mid\": 3\n}")
    }
}
