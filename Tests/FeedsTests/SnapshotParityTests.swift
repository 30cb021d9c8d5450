import Feeds
import Foundation
import GitKit
import SeekCore
import Testing
import TestSupport

/// A forced rebuild of the real OpenHands Index history must reproduce the reference's
/// rebuilt snapshots byte for byte (`shared/data/reference/snapshots-rebuilt/`).
@Suite struct SnapshotParityTests {
    static let reference = Fixtures.shared("reference/snapshots-rebuilt")
    /// The reference rebuild's pinned clock: 2026-08-22 04:00:00 UTC.
    static let now = Day(iso: "2026-08-22")!.startUnixTime + 4 * 3600

    @Test func forcedRebuildOfTheBundleMatchesTheReferenceByteForByte() throws {
        let work = try TemporaryDirectory()
        let (history, head, store) = try bundleHistory(in: work)
        let report = try history.exportSnapshots(to: store, head: head, force: true, now: Self.now)

        let referenceIndex = try JSONParser.parse(Data(contentsOf: Self.reference.appendingPathComponent("index.json")))
        let expectedDays = referenceIndex.objectValue?["snapshots"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(expectedDays.count == 47)
        #expect((try? store.loadIndex())?.snapshots.map(\.iso) == expectedDays)
        #expect(report.daysInHistory == 71)
        #expect(report.written.count == 47 && report.skipped.count == 24)
        #expect(report.invalidFiles.isEmpty)  // the 12 invalid blobs of the history are in commits no day is read from

        var mismatches: [String] = []
        for day in expectedDays {
            for file in ["benchmarks.json", "sota_scores.json"] {
                let expected = try Data(contentsOf: Self.reference.appendingPathComponent("\(day)/\(file)"))
                let actual = try Data(contentsOf: store.directory.appendingPathComponent("\(day)/\(file)"))
                if expected != actual { mismatches.append("\(day)/\(file)") }
            }
        }
        #expect(mismatches.isEmpty, "files differing from the reference: \(mismatches)")
        let written = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0 != "index.json" }
        #expect(Set(written) == Set(expectedDays))
    }

    @Test func theSecondRunOnTheBundleIsANoOp() throws {
        let work = try TemporaryDirectory()
        let (history, head, store) = try bundleHistory(in: work)
        _ = try history.exportSnapshots(to: store, head: head, force: false, now: Self.now)
        let before = try contents(of: store.directory)
        let second = try history.exportSnapshots(to: store, head: head, force: false, now: Self.now)
        #expect(second.isNoOp && second.changedNothing)
        #expect(try contents(of: store.directory) == before)
        #expect((try? store.loadIndex())?.indexCommit == head.hex)
    }
}

/// The bundle's history cloned into `work`, ready to export into `work/out`.
func bundleHistory(in work: TemporaryDirectory) throws -> (IndexHistory, ObjectID, SnapshotStore) {
    let configuration = try IndexConfiguration.load(
        from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))
    let (repository, head) = try IndexHistory.openRepository(at: try cloneBundle(into: work))
    let store = SnapshotStore(directory: work.url.appendingPathComponent("out/data/snapshots"))
    return (IndexHistory(repository: repository, configuration: configuration), head, store)
}

/// Clones `shared/data/openhands-index.bundle` (a data-only copy of the index history) with
/// libgit2 into `directory` and returns the clone's path.
func cloneBundle(into directory: TemporaryDirectory) throws -> String {
    let path = directory.path("openhands-index.git")
    try Repository.clone(fromBundle: Fixtures.shared("openhands-index.bundle").path, to: path)
    return path
}
