import Foundation

extension LoopbackHTTPServer {
    /// The methods answered from scripts besides GET: `POST`, `PUT`, `PATCH`.
    static let uploadMethods: Set<String> = ["POST", "PUT", "PATCH"]

    /// One request as the server received it.
    public struct RecordedRequest: Sendable, Equatable {
        /// The method, e.g. `POST`.
        public var method: String
        /// The percent-decoded path without query string.
        public var path: String
        /// The query string as sent, without `?`; empty when there is none.
        public var query: String
        /// Header fields, names lowercased, repeated fields joined by `", "`.
        public var headers: [String: String]
        /// The body (decoded from chunked transfer encoding when it was chunked); empty when there is none.
        public var body: [UInt8]

        /// Creates a record.
        public init(method: String, path: String, query: String = "", headers: [String: String] = [:], body: [UInt8] = []) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }

        /// The body decoded as UTF-8.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Every request so far, in arrival order, with method, query, headers and body.
    public var recordedRequests: [RecordedRequest] { core.recorded }

    /// The requests for `path` (without query string) so far, in arrival order.
    /// - Parameter path: e.g. `"/hook"`.
    /// - Returns: the matching records.
    public func recordedRequests(_ path: String) -> [RecordedRequest] {
        let path = Self.normalized(path)
        return core.recorded.filter { $0.path == path }
    }
}
