import SeekCore

/// What the header and footer of every page say besides the page itself: how new the data is and the
/// favicon. Rendered the same on every page, so it lives in ``SiteContent`` and is handed to ``PageShell``.
public struct SiteChrome: Sendable, Hashable {
    /// The newest input the pages rest on (the latest snapshot or price catalog day), never the build time.
    public var dataAsOf: Day?
    /// The favicon's SVG markup, inlined as a `data:` URI so no page requests `/favicon.ico`; empty: a link
    /// to ``SiteAssets/favicon``.
    public var faviconSVG: String

    /// Creates the chrome.
    public init(dataAsOf: Day? = nil, faviconSVG: String = "") {
        self.dataAsOf = dataAsOf
        self.faviconSVG = faviconSVG
    }

    /// The favicon's `href`: a `data:` URI of the SVG (percent-encoding only what a URI needs), else the file.
    func faviconHref(rootPath: String) -> String {
        guard !faviconSVG.isEmpty else { return rootPath + SiteAssets.favicon }
        var encoded = "data:image/svg+xml,"
        for scalar in faviconSVG.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": continue
            case "%", "#", "\"", "<", ">", "&", "'": encoded += "%" + String(scalar.value, radix: 16, uppercase: true)
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }
}
