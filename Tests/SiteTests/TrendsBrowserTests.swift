import Foundation
import Site
import Testing
import TestSupport

/// The Trends page in Debian's headless chromium, on the reference data: the DOM holds the seven charts
/// and no injected markup; screenshots (desktop and a 375 px phone) go to `.build/screenshots/`.
@Suite(.serialized, .enabled(if: Chromium.isInstalled))
struct TrendsBrowserTests {
    func chromium(_ arguments: [String], _ url: String) throws -> String { try Chromium.run(arguments, url: url).stdout }

    @Test func trendsPageRendersItsChartsInChromium() async throws {
        let site = try TemporaryDirectory()
        _ = try SiteWriter(outputDirectory: site.url, assets: try SiteAssets.repository(), scenarios: []).write(try TrendsReference.content())
        let shots = Fixtures.repositoryRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        try await LoopbackHTTPServer.with(serving: site.url) { server in
            let url = server.url("/trends/index.html")
            let dom = try await onDedicatedThread { try chromium(["--dump-dom"], url) }
            #expect(HTMLProbe.count("<svg", in: HTMLProbe.shown(HTMLProbe.main(dom))) == 7)
            #expect(dom.contains("Is Open Source Closing the Gap?") && dom.contains("GLM-5.1"))
            for (name, size) in [("trends", "1280,7200"), ("trends-phone", "375,9000")] {
                let shot = shots.appendingPathComponent("\(name).png").path
                _ = try await onDedicatedThread {
                    try chromium(["--screenshot=\(shot)", "--window-size=\(size)", "--hide-scrollbars"], url)
                }
                #expect(FileManager.default.fileExists(atPath: shot))
            }
            #expect(server.requests.contains("/assets/site.css"))
        }
    }
}
