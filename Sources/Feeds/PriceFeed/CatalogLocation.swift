import Foundation
import NetKit

/// Where gpuhunt catalogs are read from, chosen as gpuhunt chooses it.
public enum CatalogLocation: Sendable, Equatable, CustomStringConvertible {
    /// A bucket laid out like gpuhunt's public v3 catalog: `{base}/{provider}/version` and
    /// `{base}/{provider}/{version}/catalog.zip`. `base` has no trailing slash.
    case bucket(base: String)
    /// A directory of flat `{provider}.csv` files (gpuhunt's `GPUHUNT_CATALOG_DIR`).
    case directory(URL)

    /// gpuhunt's public v3 catalog bucket.
    public static let publicBucket = "https://dstack-gpu-pricing.s3.eu-west-1.amazonaws.com/v3"

    /// `GPUHUNT_CATALOG_DIR` if set, else `GPUHUNT_CATALOG_URL` (the v3 root), else the public bucket.
    public static func from(environment: [String: String]) -> CatalogLocation {
        if let directory = environment["GPUHUNT_CATALOG_DIR"], !directory.isEmpty {
            return .directory(URL(fileURLWithPath: directory))
        }
        if let base = environment["GPUHUNT_CATALOG_URL"], !base.isEmpty {
            return .bucket(base: base.withoutTrailingSlashes)
        }
        return .bucket(base: publicBucket)
    }

    public var description: String {
        switch self {
        case .bucket(let base): URLRedaction.redacted(base)
        case .directory(let url): url.path
        }
    }
}
