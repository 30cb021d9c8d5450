/// `metadata.json`: which inputs the published data is as of. No wall-clock time (decisions 9):
/// provenance instead, so an unchanged day changes no byte.
public struct DataMetadata: Sendable, Equatable {
    /// The OpenHands Index commit the snapshots were built from.
    public var indexCommit: String?
    /// The newest published snapshot day.
    public var latestSnapshot: Day?
    /// The date of the newest gpuhunt catalog the prices come from.
    public var pricesAsOf: Day?
    /// Provider → gpuhunt catalog version its published rows come from.
    public var catalogVersions: [(provider: String, version: String)]
    /// The reference implementation's run time (`updated_at`), when the file is the reference's; seekgpu never writes it.
    public var referenceUpdatedAt: String?
    /// The memory model the site's streams are sized with, e.g. `vLLM 0.17-0.19`; `nil` in files written before it
    /// was recorded (the reference's runtime reserve).
    public var sizingModel: String?

    /// Creates metadata.
    public init(indexCommit: String?, latestSnapshot: Day?, pricesAsOf: Day?,
                catalogVersions: [(provider: String, version: String)], referenceUpdatedAt: String? = nil,
                sizingModel: String? = nil) {
        self.indexCommit = indexCommit
        self.latestSnapshot = latestSnapshot
        self.pricesAsOf = pricesAsOf
        self.catalogVersions = catalogVersions
        self.referenceUpdatedAt = referenceUpdatedAt
        self.sizingModel = sizingModel
    }

    public static func == (a: DataMetadata, b: DataMetadata) -> Bool {
        a.indexCommit == b.indexCommit && a.latestSnapshot == b.latestSnapshot && a.pricesAsOf == b.pricesAsOf
            && a.catalogVersions.elementsEqual(b.catalogVersions) { $0.provider == $1.provider && $0.version == $1.version }
            && a.referenceUpdatedAt == b.referenceUpdatedAt && a.sizingModel == b.sizingModel
    }
}
