import Foundation
import SeekCore
import Site
import Sizing
import Testing
import TestSupport

/// The site rendered from the reference's published data, loaded in headless Chromium from a loopback
/// server: every kind of page renders its tables, the Advanced Settings script runs without a console
/// error and swaps in a precomputed scenario. Screenshots (desktop and a 375 px phone) go to `.build/screenshots/`.
@Suite(.serialized) struct RealDataBrowserTests {
    static let screenshots = Fixtures.repositoryRoot.appendingPathComponent(".build/screenshots/real-data")
    static let other = Scenario(avgInputTokens: 100_000, avgOutputTokens: 1_000, kvCachePrecision: .auto,
                                memoryUtilization: 0.95)

    func chromium(_ arguments: [String], _ url: String) throws -> (out: String, console: [String]) {
        let output = try Chromium.run(arguments, url: url)
        return (output.stdout, output.console)
    }

    func rows(_ dom: String) -> Int { dom.components(separatedBy: "<tr").count - 1 }

    @Test func everyKindOfPageRendersAndTheScenarioScriptSwitches() async throws {
        guard Chromium.isInstalled else {
            Issue.record("chromium is not installed: run scripts/setup --test")
            return
        }
        let site = try TemporaryDirectory()
        let content = try ReferenceContent.load()
        _ = try SiteWriter(outputDirectory: site.url, assets: try SiteAssets.repository(), scenarios: [.default, Self.other]).write(content)
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        let pages: [(path: String, name: String, minRows: Int, text: String)] = [
            ("/", "performance", 20, "Kimi-K2.6"),
            ("/categories/frontend/", "frontend", 10, "Frontend leaderboard"),
            ("/models/Kimi-K2.6/", "model", 3, "Kimi-K2.6"),
            ("/snapshots/2026-06-18/", "snapshot", 30, "Leaderboard of 18 Jun 2026"),
            ("/methodology/", "methodology", 20, "KV cache per token"),
            ("/coverage/", "coverage", 22, "Unranked open-weights models"),
            ("/budget/", "budget", 15, "Serving capacity"),
            ("/trends/", "trends", 20, "Is Open Source Closing the Gap?"),
        ]
        try await LoopbackHTTPServer.with(serving: site.url) { server in
            for page in pages {
                let url = server.url(page.path)
                let (dom, console) = try await onDedicatedThread { try chromium(["--dump-dom", "--virtual-time-budget=5000"], url) }
                #expect(dom.contains("Coding Model Seeks GPU"), "\(page.path)")
                #expect(dom.contains(page.text), "\(page.path)")
                #expect(rows(dom) >= page.minRows, "\(page.path): \(rows(dom)) rows")
                #expect(console.isEmpty, "\(page.path): \(console)")
                for (width, suffix) in [(1280, ""), (375, "-phone")] {
                    let shot = Self.screenshots.appendingPathComponent("\(page.name)\(suffix).png").path
                    _ = try await onDedicatedThread {
                        try chromium(["--screenshot=\(shot)", "--window-size=\(width),1600", "--hide-scrollbars"], url)
                    }
                    #expect(FileManager.default.fileExists(atPath: shot))
                }
            }
            // The script ran: the form is shown, and ?scenario= swaps in the precomputed fragment.
            let plain = try await onDedicatedThread { try chromium(["--dump-dom", "--virtual-time-budget=5000"], server.url("/")) }
            #expect(plain.out.contains("id=\"scenario-form\"") && !plain.out.contains("data-default=\"\(Scenario.default.id)\" hidden"))
            #expect(plain.out.contains("Sized for 50k input"))
            let id = Self.other.id
            let switched = try await onDedicatedThread {
                try chromium(["--dump-dom", "--virtual-time-budget=5000"], server.url("/categories/frontend/") + "?scenario=\(id)")
            }
            #expect(switched.console.isEmpty, "\(switched.console)")
            #expect(switched.out.contains("data-scenario=\"\(id)\""))
            #expect(switched.out.contains("Sized for 100k input and 1k output tokens per request, FP8"))
            #expect(server.requests.contains("/scenarios/\(id)/categories/frontend/region.html"))
            #expect(server.requests.contains("/assets/scenario.js"))
            let budget = try await onDedicatedThread {
                try chromium(["--dump-dom", "--virtual-time-budget=5000"], server.url("/budget/8x-h200/") + "?scenario=\(id)")
            }
            #expect(budget.console.isEmpty, "\(budget.console)")
            #expect(budget.out.contains("data-scenario=\"\(id)\"") && budget.out.contains("95% of GPU memory usable"))
            #expect(server.requests.contains("/scenarios/\(id)/budget/8x-h200/region.html"))
        }
    }
}
