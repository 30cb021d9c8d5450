import Foundation
import Testing
import TestSupport

/// `seekgpu generate --step site` over a `data/` folder on disk: the reference implementation's
/// published data renders in full, and bad files are errors naming the file, row and field.
@Suite struct SiteFromDataTests {
    /// A site folder whose `data/` is a copy of `../shared/data/reference` (its published files only).
    func referenceSite(in dir: TemporaryDirectory) throws -> String {
        let data = URL(fileURLWithPath: dir.path("out/data"))
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.shared("reference"), to: data)
        try FileManager.default.removeItem(at: data.appendingPathComponent("snapshots-rebuilt"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("README.md"))
        return dir.path("out")
    }

    func site(_ out: String) throws -> CommandResult {
        try CommandRunner.run(["generate", "--step", "site", "--out", out, "--config", Fixtures.configDirectory.path])
    }

    @Test func theReferencesPublishedDataRendersTheWholeSite() throws {
        let dir = try TemporaryDirectory()
        let out = try referenceSite(in: dir)
        let run = try site(out)
        #expect(run.status == 0, "\(run.stderr)")
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(!home.contains("No data yet"))
        // reference-site.md §4.9: GLM-5.1's Fit cell, on the reference's own files: 25 streams with the reference's
        // runtime reserve, 21 with vLLM's memory accounting (README "Sizing": GPU memory as vLLM sees it, its reserve).
        #expect(home.contains("<span class=\"gpus\">8× RTXPRO6000</span><span class=\"cost\">$10,368/mo</span>"
            + "<span class=\"meta\">up to 21 streams"))
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/data/snapshots/index.json")))
        let days = try #require((index as? [String: Any])?["snapshots"] as? [String])
        #expect(days.count == 53)
        for day in days {
            #expect(FileManager.default.fileExists(atPath: out + "/snapshots/\(day)/index.html"), "no page for \(day)")
        }
        let metadata = try String(contentsOfFile: out + "/data/metadata.json", encoding: .utf8)
        #expect(metadata.contains("\"latest_snapshot\": \"2026-06-18\"") && metadata.contains("\"index_commit\": null"))
    }

    @Test func anIndexInNeitherFormatIsAnErrorThatNamesTheFile() throws {
        let dir = try TemporaryDirectory()
        let out = try referenceSite(in: dir)
        try Data("{\"days\": [\"2026-06-18\"]}\n".utf8).write(to: URL(fileURLWithPath: out + "/data/snapshots/index.json"))
        let run = try site(out)
        #expect(run.status == 65)
        #expect(run.stderr.contains(out + "/data/snapshots/index.json is neither seekgpu's snapshot index"), "\(run.stderr)")
        #expect(run.stderr.contains("`seekgpu generate --step snapshots --force-snapshots`"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    @Test func aMalformedOfferingIsNamedWithFileRowAndReasonAndNothingIsRendered() throws {
        let dir = try TemporaryDirectory()
        let out = try referenceSite(in: dir)
        let url = URL(fileURLWithPath: out + "/data/gpus.json")
        var rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        rows[4]["price_per_hour"] = "free"
        try JSONSerialization.data(withJSONObject: rows).write(to: url)
        let run = try site(out)
        #expect(run.status == 65)
        #expect(run.stderr.contains(out + "/data/gpus.json: row 5: price_per_hour must be a number, not the text 'free'"),
                "\(run.stderr)")
        #expect(run.stderr.contains("Nothing was rendered"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
    }
}
