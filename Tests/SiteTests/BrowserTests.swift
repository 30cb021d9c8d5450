import Foundation
import SeekCore
import Site
import Sizing
import Testing
import TestSupport

/// The pages as a browser shows them: Debian's chromium, headless, loading each page from a
/// loopback HTTP server. A screenshot of each page is left under `.build/screenshots/` for
/// people to look at.
@Suite(.serialized) struct BrowserTests {
    static let screenshots = Fixtures.repositoryRoot.appendingPathComponent(".build/screenshots")

    func snapshot() -> Snapshot {
        let rows = [("GLM-5", 61.2, "open_weights"), ("<img src=x onerror=alert(1)>", 55.0, "open_weights"),
                    ("claude-opus-4-8", 71.9, "closed_api_available")]
        let entries = rows.sorted { $0.1 > $1.1 }.enumerated().map { index, row in
            BenchmarkEntry(modelName: row.0, benchmarkName: "overall", benchmarkDisplayName: "Overall", score: row.1,
                           rank: index + 1, costPerTask: 1.25, benchmarkGroup: "openhands",
                           benchmarkGroupDisplay: "OpenHands Index", openness: row.2)
        }
        return Snapshot(day: Day(iso: "2026-06-18")!, entries: entries, sota: [])
    }

    func chromium(_ arguments: [String], _ url: String) throws -> String { try Chromium.run(arguments, url: url).stdout }

    @Test func pagesRenderInChromiumWithTheDataAsText() async throws {
        let site = try TemporaryDirectory()
        _ = try SiteWriter(outputDirectory: site.url, assets: try SiteAssets.repository()).write(SiteContent(latest: snapshot()))
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        try await LoopbackHTTPServer.with(serving: site.url) { server in
            for (page, name) in [("/index.html", "index"), ("/methodology/index.html", "methodology")] {
                let url = server.url(page)
                let dom = try await onDedicatedThread { try chromium(["--dump-dom", "--virtual-time-budget=3000"], url) }
                #expect(dom.contains("Coding Model Seeks GPU"), "\(page)")
                if name == "index" {
                    #expect(dom.components(separatedBy: "<tr").count - 1 == 4)  // header + 3 rows
                    #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
                    #expect(!dom.contains("<img"))
                }
                let shot = Self.screenshots.appendingPathComponent("\(name).png").path
                _ = try await onDedicatedThread {
                    try chromium(["--screenshot=\(shot)", "--window-size=1280,900", "--hide-scrollbars"], url)
                }
                #expect(FileManager.default.fileExists(atPath: shot))
            }
            #expect(server.requests.contains("/assets/site.css"))
        }
    }
}
