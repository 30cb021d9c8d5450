/// The Trends persona (stub: filled in by the Trends work).
enum TrendsPage {
    /// The Trends files for `content`.
    static func files(_ content: SiteContent) -> [SiteFile] { [] }
}
