import Foundation

/// A fresh directory under the system temp dir, removed when the value is released.
///
/// Tests run in parallel, so each one makes its own.
public final class TemporaryDirectory: @unchecked Sendable {  // immutable after init
    /// The directory.
    public let url: URL

    /// Creates the directory; `prefix` helps to recognise leftovers.
    public init(prefix: String = "seekgpu-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The directory's path.
    public var path: String { url.path }

    /// A path inside the directory.
    public func path(_ component: String) -> String { url.appendingPathComponent(component).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
