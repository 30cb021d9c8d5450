import Dataset
import Feeds
import Foundation
import SeekCore
import Site
import Sizing
import TestSupport

/// The reference implementation's published data (`shared/data/reference`) as site content, decoded the
/// way `seekgpu generate --step site` decodes `web/public/data`.
enum ReferenceContent {
    static let directory = Fixtures.shared("reference")

    /// The reference's data folder, read through the Dataset's codecs.
    static var folder: DataFolder { DataFolder(directory: directory) }

    /// The maintainers' renames (`config/openhands-index.yaml`) as trend aliases, as `seekgpu` passes them.
    static func aliases() throws -> ModelAliases {
        let config = try IndexConfiguration.load(from: Fixtures.configDirectory.appendingPathComponent(IndexConfiguration.fileName))
        return ModelAliases(config.renames.map { ($0.from, $0.to) })
    }

    /// Every input of the site on the reference's HEAD data (latest snapshot 2026-06-18), decoded as
    /// `seekgpu generate --step site` decodes `web/public/data` (the reference's index.json has no index commit).
    /// Sized with the reference's assumptions (its runtime reserve), so its golden figures hold; `seekgpu` itself
    /// sizes with ``SizingAssumptions/seekgpu``.
    static func load(assumptions: SizingAssumptions = .reference) throws -> SiteContent {
        SiteContent(dataset: try folder.dataset(), aliases: try aliases(), assumptions: assumptions)
    }
}
