import Foundation
import Testing
import TestSupport
@testable import Site

/// The Budget pages in Debian's headless chromium (skipped when it is not installed), on the reference
/// data: the DOM holds the golden numbers, and a phone-width screenshot is left under `.build/screenshots/`.
@Suite(.serialized) struct BudgetBrowserTests {
    @Test(.enabled(if: Chromium.isInstalled))
    func budgetPagesRenderInChromium() async throws {
        let site = try TemporaryDirectory()
        let content = try BudgetPageTests.content()
        _ = try SiteWriter(outputDirectory: site.url, assets: try SiteAssets.repository(), scenarios: [.default]).write(content)
        try FileManager.default.createDirectory(at: BrowserTests.screenshots, withIntermediateDirectories: true)
        let browser = BrowserTests()
        try await LoopbackHTTPServer.with(serving: site.url) { server in
            let url = server.url("/budget/index.html")
            let dom = try await onDedicatedThread { try browser.chromium(["--dump-dom", "--virtual-time-budget=3000"], url) }
            #expect(dom.contains("Selected: <strong>8× RTXPRO6000 96GB</strong>"))
            #expect(dom.contains("data-model=\"Kimi-K2.6\"") && dom.contains(">8.5k<") && dom.contains(">27.2k<"))
            #expect(dom.contains("Kimi-K2.6 (70.5% of SOTA at 8.5k req/h)"))
            // The script found the region and showed the (JS-only) settings form.
            #expect(dom.contains("<form id=\"scenario-form\" class=\"scenario-form\" data-default=\"\(Scenario.default.id)\">"))
            for (name, size) in [("budget-phone", "375,3600"), ("budget", "1280,2600")] {
                let shot = BrowserTests.screenshots.appendingPathComponent("\(name).png").path
                _ = try await onDedicatedThread {
                    try browser.chromium(["--screenshot=\(shot)", "--window-size=\(size)", "--hide-scrollbars"], url)
                }
                #expect(FileManager.default.fileExists(atPath: shot))
            }
            #expect(server.requests.contains("/assets/site.css") && server.requests.contains("/assets/scenario.js"))
        }
    }
}
