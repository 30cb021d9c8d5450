// Golden values generated with CPython 3.11.7 (repr, format, round, statistics.mean, json.dumps/json.loads).
// Expected outputs come from CPython itself; regenerate rather than edit by hand.

import SeekCore

/// `(value, json.dumps(value, indent=2))` with the value built in Swift.
let encodeGoldens: [(JSONValue, String)] = [
    (.null, "null"),
    (.bool(true), "true"),
    (.bool(false), "false"),
    (.int(0), "0"),
    (.int(-1), "-1"),
    (.int(42), "42"),
    (.int(9223372036854775807), "9223372036854775807"),
    (.int(-9223372036854775808), "-9223372036854775808"),
    (.double(1.0), "1.0"),
    (.double(-0.0), "-0.0"),
    (.double(75.0), "75.0"),
    (.double(1e-05), "1e-05"),
    (.double(1e+16), "1e+16"),
    (.double(0.30000000000000004), "0.30000000000000004"),
    (.double(Double(bitPattern: 0x0000000000000001) /* 5e-324 */), "5e-324"),
    (.double(1.2345678901234568e+17), "1.2345678901234568e+17"),
    (.double(.infinity), "Infinity"),
    (.double(-.infinity), "-Infinity"),
    (.double(.nan), "NaN"),
    (.string(""), "\"\""),
    (.string("plain"), "\"plain\""),
    (.string("quote \" backslash \\ slash /"), "\"quote \\\" backslash \\\\ slash /\""),
    (.string("ctl \n\r\t\u{8}\u{C} \u{0} \u{1} \u{1F} \u{7F}"), "\"ctl \\n\\r\\t\\b\\f \\u0000 \\u0001 \\u001f \\u007f\""),
    (.string("caf\u{E9} \u{FC}\u{DF} \u{20AC} \u{65E5}\u{672C} \u{2028} \u{FEFF} \u{FFFF}"), "\"caf\\u00e9 \\u00fc\\u00df \\u20ac \\u65e5\\u672c \\u2028 \\ufeff \\uffff\""),
    (.string("emoji \u{1F600} \u{1F680} \u{10FFFF} \u{10000}"), "\"emoji \\ud83d\\ude00 \\ud83d\\ude80 \\udbff\\udfff \\ud800\\udc00\""),
    (.array([]), "[]"),
    (.object(JSONObject()), "{}"),
    (.array([.array([])]), "[\n  []\n]"),
    (.array([.object(JSONObject())]), "[\n  {}\n]"),
    (.object(JSONObject([("", .object(JSONObject()))])), "{\n  \"\": {}\n}"),
    (.object(JSONObject([("a", .array([]))])), "{\n  \"a\": []\n}"),
    (.array([.int(1), .double(2.5), .string("three"), .null, .bool(true), .bool(false)]), "[\n  1,\n  2.5,\n  \"three\",\n  null,\n  true,\n  false\n]"),
    (.object(JSONObject([("name", .string("RTX 4090")), ("price", .double(1599.0)), ("vram_gb", .int(24)), ("tags", .array([.string("gpu"), .string("nvidia")])), ("discount", .null), ("in_stock", .bool(true))])), "{\n  \"name\": \"RTX 4090\",\n  \"price\": 1599.0,\n  \"vram_gb\": 24,\n  \"tags\": [\n    \"gpu\",\n    \"nvidia\"\n  ],\n  \"discount\": null,\n  \"in_stock\": true\n}"),
    (.object(JSONObject([("z", .int(1)), ("a", .int(2)), ("m", .object(JSONObject([("nested", .array([.int(1), .array([.int(2), .array([.int(3), .array([.int(4), .array([])])])]), .object(JSONObject())]))]))), ("\u{E9}\u{1F600}", .string("k\u{E9}y")), ("ctl\u{1}", .string("\u{7F}"))])), "{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": {\n    \"nested\": [\n      1,\n      [\n        2,\n        [\n          3,\n          [\n            4,\n            []\n          ]\n        ]\n      ],\n      {}\n    ]\n  },\n  \"\\u00e9\\ud83d\\ude00\": \"k\\u00e9y\",\n  \"ctl\\u0001\": \"\\u007f\"\n}"),
    (.array([.object(JSONObject([("id", .int(1)), ("score", .double(60.6)), ("label", .string("A"))])), .object(JSONObject([("id", .int(2)), ("score", .double(0.0001)), ("label", .string("B\n"))])), .object(JSONObject([("id", .int(3)), ("score", .double(1e+22)), ("label", .string("\u{C5}"))]))]), "[\n  {\n    \"id\": 1,\n    \"score\": 60.6,\n    \"label\": \"A\"\n  },\n  {\n    \"id\": 2,\n    \"score\": 0.0001,\n    \"label\": \"B\\n\"\n  },\n  {\n    \"id\": 3,\n    \"score\": 1e+22,\n    \"label\": \"\\u00c5\"\n  }\n]"),
    (.object(JSONObject([("deep", .array([.array([.array([.array([.array([.array([.array([.string("x")])])])])])])])), ("empty_list", .array([])), ("empty_obj", .object(JSONObject())), ("numbers", .array([.int(0), .double(-0.0), .double(1e-07), .double(1.5e+300), .double(-123.456)]))])), "{\n  \"deep\": [\n    [\n      [\n        [\n          [\n            [\n              [\n                \"x\"\n              ]\n            ]\n          ]\n        ]\n      ]\n    ]\n  ],\n  \"empty_list\": [],\n  \"empty_obj\": {},\n  \"numbers\": [\n    0,\n    -0.0,\n    1e-07,\n    1.5e+300,\n    -123.456\n  ]\n}"),
]

/// `(document, json.dumps(json.loads(document), indent=2))`.
let roundTripGoldens: [(String, String)] = [
    ("{\"b\": 1, \"a\": [1, 2.50, -0, -0.0, 1E5, 1e-7, 0.1e1], \"c\": {\"x\": null, \"y\": true, \"z\": false}}", "{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2.5,\n    0,\n    -0.0,\n    100000.0,\n    1e-07,\n    1.0\n  ],\n  \"c\": {\n    \"x\": null,\n    \"y\": true,\n    \"z\": false\n  }\n}"),
    ("[]", "[]"),
    ("{}", "{}"),
    ("  [ ]  ", "[]"),
    ("\"\\u00e9\\ud83d\\ude00\\n\\/\\\\\"", "\"\\u00e9\\ud83d\\ude00\\n/\\\\\""),
    ("0", "0"),
    ("-12", "-12"),
    ("3.0", "3.0"),
    ("1e300", "1e+300"),
    ("{\"dup\": 1, \"other\": 2, \"dup\": 3}", "{\n  \"dup\": 3,\n  \"other\": 2\n}"),
    ("[1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 123456789012345678, 9223372036854775807, -9223372036854775808]", "[\n  1.7976931348623157e+308,\n  5e-324,\n  2.2250738585072014e-308,\n  123456789012345678,\n  9223372036854775807,\n  -9223372036854775808\n]"),
    ("{\"text\": \"tab\\there \\\"quoted\\\" caf\u{E9} \u{1F600}\", \"ctl\": \"\\u0001\\u001f\\u007f\", \"keys\": {\"\u{FC}\": [{}, [], [{}]]}}", "{\n  \"text\": \"tab\\there \\\"quoted\\\" caf\\u00e9 \\ud83d\\ude00\",\n  \"ctl\": \"\\u0001\\u001f\\u007f\",\n  \"keys\": {\n    \"\\u00fc\": [\n      {},\n      [],\n      [\n        {}\n      ]\n    ]\n  }\n}"),
    ("[0.1, 0.2, 0.30000000000000004, 100, 1e16, 1e15, 1234567890123456789]", "[\n  0.1,\n  0.2,\n  0.30000000000000004,\n  100,\n  1e+16,\n  1000000000000000.0,\n  1234567890123456789\n]"),
    ("\t\r\n{\"a\"\n:\r1\t,\"b\":[\n]}\n", "{\n  \"a\": 1,\n  \"b\": []\n}"),
]
