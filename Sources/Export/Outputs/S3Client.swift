import Foundation
import NetKit

/// Signed requests to one S3 bucket: addressing, Signature Version 4 and retries. Blocking; call it from a dedicated
/// thread (``S3Destination`` does, through `performBlocking`).
///
/// Addressing: with an ``endpointURL`` (MinIO, moto, Ceph, R2, …) path-style, `ENDPOINT/BUCKET/KEY`, which every
/// S3-compatible store understands; without one virtual-hosted style, `https://BUCKET.s3.REGION.amazonaws.com/KEY`,
/// as AWS recommends. Keys are percent-encoded per path segment (`/` kept), exactly as the signature encodes them.
package struct S3Client: Sendable {
    /// The bucket.
    package var bucket: String
    /// The region the requests are signed for.
    package var region: String
    /// An S3-compatible endpoint such as `http://127.0.0.1:9000`, or nil for AWS.
    package var endpointURL: String?
    /// The keys that sign.
    package var credentials: SigV4Signer.Credentials
    /// Retries after network errors, 429 and 5xx (S3's `SlowDown`, `InternalError`).
    package var retry: RetryPolicy
    /// Seconds per request, or nil for the client default (120 s).
    package var timeout: Double?

    /// Creates a client.
    package init(bucket: String, region: String, endpointURL: String?, credentials: SigV4Signer.Credentials,
                 retry: RetryPolicy = .standard, timeout: Double? = nil) {
        self.bucket = bucket
        self.region = region
        self.endpointURL = endpointURL
        self.credentials = credentials
        self.retry = retry
        self.timeout = timeout
    }

    /// The URL of `key` (the bucket itself for an empty key).
    /// - Parameter key: the object key, unencoded, e.g. `exports/gpus 2026.json`.
    /// - Returns: the request URL.
    package func url(forKey key: String) -> String {
        let encodedKey = key.split(separator: "/", omittingEmptySubsequences: false)
            .map { SigV4Signer.uriEncode(String($0)) }.joined(separator: "/")
        if let endpointURL {
            var base = endpointURL
            while base.hasSuffix("/") { base.removeLast() }
            return base + "/" + SigV4Signer.uriEncode(bucket) + (key.isEmpty ? "" : "/" + encodedKey)
        }
        return "https://\(bucket).s3.\(region).amazonaws.com/" + encodedKey
    }

    /// Sends one signed request, re-signed for every attempt, retrying as ``retry`` allows.
    /// - Parameters:
    ///   - method: `PUT`, `GET`, `HEAD`, …
    ///   - key: the object key, or empty for the bucket.
    ///   - headers: header fields to send and sign (`Content-Type`, `x-amz-*`).
    ///   - body: the body.
    ///   - client: the HTTP client to use.
    ///   - onRetry: called before each wait with the retry number, a secret-free reason and the delay in seconds.
    /// - Returns: the last response, whatever its status.
    /// - Throws: `NetError` when the last attempt failed in transport.
    package func send(_ method: String, key: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                      client: HTTPClient, onRetry: ((Int, String, Double) -> Void)? = nil) throws(NetError) -> HTTPResponse {
        let signer = SigV4Signer(credentials: credentials, region: region, service: "s3")
        return try HTTPClient.retrying(retry, onRetry: onRetry, errorReason: { "\($0.code) (curl \($0.curlCode))" }) {
            () throws(NetError) -> HTTPResponse in
            // Signed anew on each attempt: the signature carries the time.
            var request = HTTPRequest(method: method, url: url(forKey: key), headers: headers, body: body, timeout: timeout)
            signer.sign(&request, at: Date())
            return try client.send(request)
        }
    }
}
