import ConfigKit
import Foundation
import Testing
import TestSupport

@Suite struct ConfigFileErrorTests {
    @Test func theDescriptionIsOneCompilerStyleLinePerProblemInFileOrder() {
        let error = ConfigFileError(file: "config/x.yaml", problems: [
            ConfigProblem(message: "third", line: 9, column: 1),
            ConfigProblem(message: "first", line: 2, column: 7),
            ConfigProblem(message: "second", line: 2, column: 12),
            ConfigProblem(message: "also second, found later", line: 2, column: 12),
        ])
        #expect(error.description == """
            config/x.yaml:2:7: first
            config/x.yaml:2:12: second
            config/x.yaml:2:12: also second, found later
            config/x.yaml:9:1: third
            """)
        #expect(error.summary == "config/x.yaml has 4 problems")
        #expect(ConfigFileError(file: "a.yaml", message: "broken").summary == "a.yaml has 1 problem")
    }

    @Test func aMissingFileSaysHowToPointSeekgpuAtIt() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("gpuhunt.yaml")
        let error = try #require(throws: ConfigFileError.self) { try ConfigFile.text(of: url) }
        #expect(error.description == "\(url.path):1:1: the file does not exist; run seekgpu from the repository root "
                + "or pass --config DIR")
        let other = try #require(throws: ConfigFileError.self) { try ConfigFile.text(of: url, hint: "check --config") }
        #expect(other.problems.map(\.message) == ["the file does not exist; check --config"])
    }

    @Test func aFileThatIsNotUTF8IsAProblem() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("models.yaml")
        try Data([0x6D, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        let error = try #require(throws: ConfigFileError.self) { try ConfigFile.text(of: url) }
        #expect(error.description == "\(url.path):1:1: the file is not UTF-8 text; save it as UTF-8")
    }

    @Test func aDirectoryInsteadOfAFileCannotBeRead() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: ConfigFileError.self) { try ConfigFile.text(of: directory.url) }
        #expect(error.problems.first?.message.hasPrefix("the file cannot be read; ") == true, "\(error)")
    }

    @Test func theTextOfAFileIsReadAsWritten() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("a.yaml")
        try Data("# Überblick\r\nkey: value\n".utf8).write(to: url)
        #expect(try ConfigFile.text(of: url) == "# Überblick\r\nkey: value\n")
    }
}
