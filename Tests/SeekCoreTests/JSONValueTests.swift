import SeekCore
import Testing

@Suite("JSONValue and JSONObject")
struct JSONValueTests {
    @Test("numbers compare numerically across int and double, like Python")
    func numbersCompareNumerically() {
        #expect(JSONValue.int(42) == .double(42.0))
        #expect(JSONValue.double(42.0) == .int(42))
        #expect(JSONValue.int(0) == .double(-0.0))
        #expect(JSONValue.int(1) != .double(1.5))
        // 2^63 as a double is not Int.max: Python compares exactly, without rounding the int.
        #expect(JSONValue.int(Int.max) != .double(9223372036854775807.0))
        #expect(JSONValue.int(1 << 53 + 1) != .double(9007199254740992.0))
        #expect(JSONValue.int(1 << 53) == .double(9007199254740992.0))
        #expect(JSONValue.double(.nan) != .double(.nan))
        #expect(JSONValue.int(1) != .double(.infinity))
    }

    @Test("booleans, null and strings never equal numbers")
    func kindsAreDistinct() {
        #expect(JSONValue.bool(true) != .int(1))
        #expect(JSONValue.bool(false) != .double(0))
        #expect(JSONValue.null != .int(0))
        #expect(JSONValue.string("1") != .int(1))
        #expect(JSONValue.array([]) != .object(JSONObject()))
    }

    @Test("objects compare as unordered key sets and arrays element-wise in order")
    func containerEquality() {
        let first: JSONValue = ["a": 1, "b": [1, 2.0], "c": ["x": nil]]
        let reordered: JSONValue = ["c": ["x": nil], "b": [1.0, 2], "a": 1.0]
        #expect(first == reordered)
        #expect(JSONValue.array([1, 2]) != .array([2, 1]))
        #expect(JSONValue.array([1, 2]) != .array([1, 2, 3]))
        let missing: JSONValue = ["a": 1, "b": [1, 2.0]]
        #expect(first != missing)
        let differentValue: JSONValue = ["a": 1, "b": [1, 2.0], "c": ["x": false]]
        #expect(first != differentValue)
        let differentKey: JSONValue = ["a": 1, "b": [1, 2.0], "d": ["x": nil]]
        #expect(first != differentKey)
    }

    @Test("strings and keys compare by code points, not canonical equivalence")
    func stringsCompareByCodePoints() {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(JSONValue.string(precomposed) != .string(decomposed))
        #expect(JSONValue.string(precomposed) == .string("é"))
        var object = JSONObject()
        object[precomposed] = 1
        object[decomposed] = 2
        #expect(object.count == 2)
        #expect(object[precomposed] == 1)
        #expect(object[decomposed] == 2)
    }

    @Test("accessors return payloads only for the matching kind")
    func accessors() {
        #expect(JSONValue.string("s").stringValue == "s")
        #expect(JSONValue.int(3).stringValue == nil)
        #expect(JSONValue.int(3).doubleValue == 3.0)
        #expect(JSONValue.double(2.5).doubleValue == 2.5)
        #expect(JSONValue.bool(true).doubleValue == nil)
        #expect(JSONValue.string("1").doubleValue == nil)
        #expect(JSONValue.double(4.0).intValue == 4)
        #expect(JSONValue.double(4.5).intValue == nil)
        #expect(JSONValue.bool(false).boolValue == false)
        #expect(JSONValue.array([1]).arrayValue == [1])
        #expect(JSONValue.int(1).arrayValue == nil)
        #expect(JSONValue.object(["k": "v"]).objectValue?["k"] == "v")
        #expect(JSONValue.null.isNull)
        #expect(!JSONValue.int(0).isNull)
        #expect(JSONValue.array([10, 20])[1] == 20)
        #expect(JSONValue.array([10, 20])[2] == nil)
        #expect(JSONValue.int(1)["k"] == nil)
    }

    @Test("objects keep insertion order and Python dict assignment semantics")
    func objectOrdering() {
        var object: JSONObject = ["z": 1, "a": 2]
        object["m"] = 3
        object["z"] = 4
        #expect(object.keys == ["z", "a", "m"])
        #expect(object.values == [4, 2, 3])
        #expect(object["z"] == 4)
        object["a"] = nil
        #expect(object.keys == ["z", "m"])
        #expect(object.removeValue(forKey: "missing") == nil)
        #expect(object.contains(key: "m"))
        #expect(!object.contains(key: "a"))
        let pairs = JSONObject([("k", 1), ("j", 2), ("k", 3)])
        #expect(pairs.keys == ["k", "j"])
        #expect(pairs["k"] == 3)
        #expect(Array(pairs.map(\.key)) == ["k", "j"])
    }

    @Test("large objects stay consistent through inserts, updates and removals")
    func largeObjectIndex() {
        var object = JSONObject()
        for number in 0..<100 {
            object["k\(number)"] = .int(number)
        }
        object["k5"] = "five"
        object["k50"] = nil
        object["k3"] = nil
        #expect(object.count == 98)
        #expect(object["k5"] == "five")
        #expect(object["k50"] == nil)
        #expect(object["k99"] == 99)
        #expect(object.keys.prefix(5) == ["k0", "k1", "k2", "k4", "k5"])
        for number in 0..<88 where number != 3 && number != 50 {
            object["k\(number)"] = nil
        }
        #expect(object.keys == (88..<100).map { "k\($0)" })
        #expect(object["k90"] == 90)
        object["new"] = true
        #expect(object.keys.last == "new")
        #expect(object["new"] == true)
    }

    @Test("literals build the expected cases")
    func literals() {
        let value: JSONValue = ["n": nil, "b": true, "i": 1, "d": 1.5, "s": "x", "a": [1], "o": [:]]
        #expect(value["n"] == .null)
        #expect(value["b"] == .bool(true))
        #expect(value["i"] == .int(1))
        #expect(value["d"] == .double(1.5))
        #expect(value["s"] == .string("x"))
        #expect(value["a"] == .array([.int(1)]))
        #expect(value["o"] == .object(JSONObject()))
    }

    @Test("description prints Python's json.dumps layout")
    func descriptionIsCanonical() {
        let value: JSONValue = ["a": [1, 2.0]]
        #expect(value.description == "{\n  \"a\": [\n    1,\n    2.0\n  ]\n}")
    }
}
