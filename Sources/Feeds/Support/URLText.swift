/// Small text helpers for configured URLs.
extension String {
    /// The URL without trailing slashes, so `base + "/path"` never doubles one.
    var withoutTrailingSlashes: String {
        String(reversed().drop { $0 == "/" }.reversed())
    }
}
