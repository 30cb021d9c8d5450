import ConfigKit
import SeekCore
import Testing
import Yams

/// The reader every configuration file goes through: positions, messages, YAML 1.1 pitfalls.
@Suite struct ConfigReaderTests {
    /// The root mapping of `yaml`, read with `allowed` keys (every one required).
    func read(_ yaml: String, allowed: [String], _ body: (ConfigReader, ConfigReader.Entries) -> Void) throws -> [String] {
        let reader = ConfigReader()
        let root = try #require(reader.document(yaml, empty: "empty"))
        if let top = reader.mapping(root, at: "the file", allowed: allowed, required: allowed) { body(reader, top) }
        return reader.problems.inFileOrder().map { $0.formatted(file: "f.yaml") }
    }

    @Test func everyProblemIsCollectedWithItsLineAndColumn() throws {
        let problems = try read("count: x\nflag: maybe\nratio: [1]\nextra: 1\n", allowed: ["count", "flag", "ratio", "name"]) {
            reader, top in
            _ = reader.int(top["count"], "count")
            _ = reader.bool(top["flag"], "flag")
            _ = reader.number(top["ratio"], "ratio")
        }
        #expect(problems == [
            "f.yaml:1:1: the file needs 'name'",
            "f.yaml:1:8: count must be a whole number, not the text 'x'",
            "f.yaml:2:7: flag must be true or false, not the text 'maybe'",
            "f.yaml:3:8: ratio must be a number, not a list",
            "f.yaml:4:1: unknown key 'extra' in the file (known keys: count, flag, ratio, name)",
        ])
    }

    @Test func anUnknownKeyGetsTheClosestKnownOne() throws {
        let problems = try read("benchmrak: swe-bench\n", allowed: ["benchmark", "name"]) { _, _ in }
        #expect(problems.contains("f.yaml:1:1: unknown key 'benchmrak' in the file; did you mean 'benchmark'? "
                                  + "(known keys: benchmark, name)"))
    }

    @Test func yaml11WordsAndVersionsStayTextWhereTextIsExpected() throws {
        var values: [String?] = []
        let problems = try read("a: no\nb: 1.10\nc: on\nd: 2026-01-28\ne: 0x1F\n", allowed: ["a", "b", "c", "d", "e"]) { reader, top in
            values = ["a", "b", "c", "d", "e"].map { reader.string(top[$0], $0) }
        }
        #expect(problems.isEmpty)
        #expect(values == ["no", "1.10", "on", "2026-01-28", "0x1F"])
    }

    @Test func numbersAreKeptAsWritten() throws {
        var numbers: [JSONNumber?] = []
        let problems = try read("int: 96\nfloat: 96.0\nnoise: 4099.999999999999\nhex: 0x60\nquoted: \"96\"\nnegative: -3\n",
                                allowed: ["int", "float", "noise", "hex", "quoted", "negative"]) { reader, top in
            numbers = ["int", "float", "noise", "hex", "quoted", "negative"].map { reader.writtenNumber(top[$0], $0) }
        }
        #expect(numbers == [.int(96), .double(96.0), .double(4099.999999999999), nil, nil, .int(-3)])
        #expect(numbers[2].map { "\($0.doubleValue)" } == "4099.999999999999")
        #expect(problems == [
            "f.yaml:4:6: hex must be a plain decimal number without quotes (e.g. 96 or 96.0), not the number 0x60",
            "f.yaml:5:9: quoted must be a plain decimal number without quotes (e.g. 96 or 96.0), not the text '96'",
        ])
    }

    @Test func listsTablesDaysAndChoicesReportWhatTheyFound() throws {
        enum Shade: String, CaseIterable { case light, dark }
        var names: [String] = []
        var table: [String] = []
        var day: Day?
        var shade: Shade?
        let problems = try read("""
            names: [a, [b], '', c]
            table: {x: 1, y: [2], z: 3}
            day: 2026-02-30
            shade: drak
            """, allowed: ["names", "table", "day", "shade"]) { reader, top in
            names = reader.strings(top["names"], "names")?.map(\.value) ?? []
            table = reader.pairs(top["table"], "table", of: "numbers") { reader.number($0, $1) }?.map(\.key) ?? []
            day = reader.day(top["day"], "day")
            shade = reader.choice(top["shade"], "shade", as: Shade.self)
        }
        #expect(names == ["a", "c"] && table == ["x", "z"] && day == nil && shade == nil)
        #expect(problems == [
            "f.yaml:1:12: names[1] must be text, not a list",
            "f.yaml:1:17: names[2] must not be empty",
            "f.yaml:2:18: table.y must be a number, not a list",
            "f.yaml:3:6: day must be a day written YYYY-MM-DD, not the text '2026-02-30'",
            "f.yaml:4:8: shade 'drak' is unknown; use one of light, dark; did you mean 'dark'?",
        ])
    }

    @Test func aSyntaxErrorAndADuplicateKeyHaveTheirPositions() {
        let syntax = ConfigReader()
        #expect(syntax.document("a: [1, 2\nb: 3\n", empty: "empty") == nil)
        #expect(syntax.problems.count == 1 && syntax.problems.first?.message.hasPrefix("not valid YAML") == true)
        #expect(syntax.problems.first.map { [$0.line, $0.column] } == [2, 2])  // where libyaml finds no "," or "]"

        let duplicate = ConfigReader()
        #expect(duplicate.document("a: 1\nb: 2\na: 3\n", empty: "empty") == nil)
        #expect(duplicate.problems.map(\.message) == ["duplicate key 'a' in one mapping"])

        let empty = ConfigReader()
        #expect(empty.document("# only a comment\n", empty: "the file is empty; it needs 'gpus'") == nil)
        #expect(empty.problems == [ConfigProblem(message: "the file is empty; it needs 'gpus'", line: 1, column: 1)])
    }

    @Test func checkThrowsEveryProblemAndPassesWithoutAny() throws {
        let reader = ConfigReader()
        try reader.check(file: "f.yaml")
        reader.report("second", at: nil)
        reader.report(ConfigProblem(message: "first", line: 1, column: 1))
        let error = try #require(throws: ConfigFileError.self) { try reader.check(file: "f.yaml") }
        #expect(error.lines == ["f.yaml:1:1: second", "f.yaml:1:1: first"])
    }

    @Test func aNameMetTwiceGivesThePlaceOfTheFirst() throws {
        let reader = ConfigReader()
        let root = try #require(reader.document("[a, b, a]", empty: "empty"))
        let items = try #require(reader.strings(root, "names"))
        var seen = SeenNames()
        let places = items.map { seen.earlierPlace(of: $0.value, at: $0.node) }
        #expect(places == [nil, nil, "line 1, column 2"])
    }
}
