@preconcurrency import CSeekZlib
import Export
import Foundation
import Testing
import TestSupport

@Suite struct LocalDestinationTests {
    static let payload = Transformer.payload(
        .csv(CSVTransformerOptions(columns: [.init(field: "provider"), .init(field: "price")])),
        records: [ExportFixture.record()],
        context: TransformContext(runTime: ExportFixture.runTime, inputCount: 1, catalogVersions: [:]))
    static let context = ExportContext(pipeline: "p", runTime: ExportFixture.runTime, environment: [:])

    func deliver(_ config: LocalOutputConfig) async throws -> String {
        try await LocalDestination(config: config).deliver(Self.payload, context: Self.context)
    }

    @Test func everyPlaceholderFillsTheFileName() async throws {
        let directory = try TemporaryDirectory()
        let pattern = "{year}/{month}/{day}/{date}_{time}_{hour}{minute}{second}_{timestamp}.csv"
        let path = try await deliver(LocalOutputConfig(path: directory.path, filenamePattern: pattern))
        #expect(path == directory.path("2026/08/22/2026-08-22_13-30-05_133005_20260822-133005.csv"))
        #expect(FileManager.default.contents(atPath: path) == Data("provider,price\r\naws,98.32\r\n".utf8))
    }

    @Test func withoutCreateDirsAMissingDirectoryIsAnError() async throws {
        let directory = try TemporaryDirectory()
        let config = LocalOutputConfig(path: directory.path("missing"), filenamePattern: "x.csv", createDirs: false)
        await #expect { try await deliver(config) } throws: { "\($0)".contains("does not exist") && "\($0)".contains("create_dirs") }
        #expect(!FileManager.default.fileExists(atPath: directory.path("missing")))
        var creating = config
        creating.createDirs = true
        #expect(try await deliver(creating) == directory.path("missing/x.csv"))
    }

    @Test func anExistingFileIsAnErrorUnlessOverwrite() async throws {
        let directory = try TemporaryDirectory()
        try Data("old".utf8).write(to: directory.url.appendingPathComponent("x.csv"))
        let config = LocalOutputConfig(path: directory.path, filenamePattern: "x.csv")
        await #expect { try await deliver(config) } throws: { "\($0)".contains("already exists") && "\($0)".contains("overwrite: true") }
        #expect(FileManager.default.contents(atPath: directory.path("x.csv")) == Data("old".utf8))
        var overwriting = config
        overwriting.overwrite = true
        _ = try await deliver(overwriting)
        #expect(FileManager.default.contents(atPath: directory.path("x.csv")) == Data("provider,price\r\naws,98.32\r\n".utf8))
    }

    @Test func gzipReadsBackToThePayload() async throws {
        let directory = try TemporaryDirectory()
        let path = try await deliver(LocalOutputConfig(path: directory.path, filenamePattern: "x.csv.gz", compression: .gzip))
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.prefix(2) == Data([0x1F, 0x8B]))
        #expect(Self.inflate(Array(bytes)) == Array(try Self.payload.bytes()))
        #expect(try Gzip.decompress(Array(bytes)) == Array(try Self.payload.bytes()))
        // Deterministic: no time in the header.
        let again = try Gzip.compress(Array(try Self.payload.bytes()))
        #expect(again == Array(bytes))
    }

    @Test func writesLeaveNoTemporaryFile() async throws {
        let directory = try TemporaryDirectory()
        let config = LocalOutputConfig(path: directory.path, filenamePattern: "x.csv", overwrite: true)
        _ = try await deliver(config)
        _ = try await deliver(config)
        var refusing = config
        refusing.overwrite = false
        _ = try? await deliver(refusing)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["x.csv"])
    }

    /// zlib's inflate directly (not through `Gzip`), so a bug there cannot hide itself.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard seekgpu_inflate_init_gzip(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = input
        var output = [UInt8](repeating: 0, count: 1 << 20)
        let code = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CSeekZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard code == Z_STREAM_END else { return nil }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
