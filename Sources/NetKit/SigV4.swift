import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 (header form), as S3 and other AWS APIs require.
///
/// Follows "Authenticating Requests: Using the Authorization Header (AWS Signature Version 4)" of the Amazon S3 API
/// reference: the canonical request (method, URI with each path segment percent-encoded, sorted query, sorted
/// lowercase headers, signed header list, payload hash), the string to sign (`AWS4-HMAC-SHA256`, time, scope, hash of
/// the canonical request), the signing key chain `HMAC("AWS4" + secret, date) → region → service → "aws4_request"`,
/// and the `Authorization` header. HMAC-SHA256 and SHA-256 come from swift-crypto.
///
/// ```swift
/// let signer = SigV4Signer(credentials: .init(accessKeyID: id, secretAccessKey: secret), region: "eu-west-1", service: "s3")
/// var request = HTTPRequest(method: "PUT", url: "https://bucket.s3.eu-west-1.amazonaws.com/a/b.json", body: bytes)
/// signer.sign(&request, at: Date())
/// ```
public struct SigV4Signer: Sendable {
    /// AWS credentials. ``description`` shows none of them.
    public struct Credentials: Sendable, CustomStringConvertible {
        /// The access key ID, e.g. `AKIAIOSFODNN7EXAMPLE`.
        public var accessKeyID: String
        /// The secret access key; never printed.
        public var secretAccessKey: String
        /// The session token of temporary credentials (sent as `x-amz-security-token`), or nil.
        public var sessionToken: String?

        /// Creates credentials.
        /// - Parameters:
        ///   - accessKeyID: the access key ID.
        ///   - secretAccessKey: the secret access key.
        ///   - sessionToken: the session token, for temporary credentials.
        public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
            self.accessKeyID = accessKeyID
            self.secretAccessKey = secretAccessKey
            self.sessionToken = sessionToken
        }

        /// `AWS credentials (redacted)`: never the key, secret or token.
        public var description: String { "AWS credentials (redacted)" }
    }

    /// The credentials that sign.
    public var credentials: Credentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The service in the credential scope, e.g. `s3`.
    public var service: String

    /// Creates a signer.
    /// - Parameters:
    ///   - credentials: the keys.
    ///   - region: the region, e.g. `eu-central-1`.
    ///   - service: the service, e.g. `s3`.
    public init(credentials: Credentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The `x-amz-content-sha256` value for a payload that is not signed (allowed by S3 over HTTPS).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Signs `request` in place: sets `Host`, `x-amz-date`, `x-amz-content-sha256` (and `x-amz-security-token`
    /// with a session token), then `Authorization`. Every header field present at that point is signed, so add
    /// all of them (`Content-Type`, `x-amz-meta-*`, …) before signing and none after.
    /// - Parameters:
    ///   - request: the request to sign; its URL must be absolute (`https://host[:port]/path?query`).
    ///   - date: the signing time (AWS accepts 15 minutes of skew).
    ///   - payloadHash: the `x-amz-content-sha256` value; nil computes the hex SHA-256 of the body.
    public func sign(_ request: inout HTTPRequest, at date: Date, payloadHash: String? = nil) {
        let hash = payloadHash ?? Self.hexSHA256(request.sendsBody ? request.body : [])
        let (amzDate, day) = Self.timestamps(date)
        request.headers.removeAll { $0.name.lowercased() == "authorization" }
        request.setHeader("Host", Self.hostHeader(of: request.url))
        request.setHeader("x-amz-date", amzDate)
        request.setHeader("x-amz-content-sha256", hash)
        if let token = credentials.sessionToken { request.setHeader("x-amz-security-token", token) }

        let canonical = Self.canonicalRequest(method: request.method, url: request.url, headers: request.headers,
                                              payloadHash: hash)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let toSign = Self.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical.text)
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: signingKey(day: day)))
        request.setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)")
    }

    /// The signing key for a day: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    /// - Parameter day: `yyyyMMdd` in UTC.
    /// - Returns: the derived key.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// The string to sign: algorithm, time, scope and the hex SHA-256 of the canonical request, one per line.
    static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        ["AWS4-HMAC-SHA256", amzDate, scope, hexSHA256(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    /// The canonical request and its `SignedHeaders` list.
    ///
    /// - URI: the URL's path with each segment percent-decoded and encoded again (everything but `A–Z a–z 0–9 - _ . ~`),
    ///   `/` for an empty path; S3 encodes once, as here.
    /// - Query: each name and value encoded the same way, sorted by name then value; a bare name gets `=`.
    /// - Headers: names lowercased, values trimmed with inner runs of spaces collapsed, repeated names joined by
    ///   `,`, sorted by name; `Authorization` is never signed.
    static func canonicalRequest(method: String, url: String, headers: [(name: String, value: String)],
                                 payloadHash: String) -> (text: String, signedHeaders: String) {
        let (path, query) = pathAndQuery(of: url)
        let uri = path.isEmpty ? "/" : path.split(separator: "/", omittingEmptySubsequences: false)
            .map { uriEncode(String($0).removingPercentEncoding ?? String($0)) }
            .joined(separator: "/")
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            return (uriEncode(decode(parts[0])), parts.count > 1 ? uriEncode(decode(parts[1])) : "")
        }
        let canonicalQuery = pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        var fields: [String: [String]] = [:]
        for (name, value) in headers where name.lowercased() != "authorization" {
            let collapsed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            fields[name.lowercased(), default: []].append(collapsed.trimmingSpaces())
        }
        let names = fields.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(fields[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [method, uri, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// RFC 3986 encoding as AWS wants it: every byte but `A–Z a–z 0–9 - _ . ~` as `%XX` (upper-case hex).
    /// - Parameter text: the text to encode.
    /// - Returns: the encoded text.
    public static func uriEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
            }
        }
        return result
    }

    /// The lowercase hex SHA-256 of `bytes`, e.g. `e3b0c442…b855` for no bytes.
    /// - Parameter bytes: the data.
    /// - Returns: 64 hex digits.
    public static func hexSHA256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// The `Host` header for a URL: its authority without user info, and without the port when it is the scheme's
    /// default (80 for http, 443 for https).
    static func hostHeader(of url: String) -> String {
        var rest = Substring(url)
        var scheme = ""
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        var authority = rest[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = String(authority)
        if (scheme == "https" && host.hasSuffix(":443")) || (scheme == "http" && host.hasSuffix(":80")) {
            return String(host[..<(host.lastIndex(of: ":") ?? host.endIndex)])
        }
        return host
    }

    /// The path (as written, still encoded) and the query (without `?` and fragment) of an absolute URL.
    static func pathAndQuery(of url: String) -> (path: String, query: String) {
        var rest = Substring(url)
        if let range = rest.range(of: "://") {
            rest = rest[range.upperBound...]
            rest = rest[(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)...]
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let mark = rest.firstIndex(of: "?") else { return (String(rest), "") }
        return (String(rest[..<mark]), String(rest[rest.index(after: mark)...]))
    }

    /// `20130524T000000Z` and `20130524` for a date, in UTC.
    static func timestamps(_ date: Date) -> (amzDate: String, day: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        return (day + String(format: "T%02d%02d%02dZ", c.hour ?? 0, c.minute ?? 0, c.second ?? 0), day)
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { hexDigit($0 >> 4).lowercased() + hexDigit($0 & 0x0F).lowercased() }.joined()
    }

    private static func hexDigit(_ nibble: UInt8) -> String {
        String(UnicodeScalar(nibble < 10 ? nibble + 48 : nibble + 55))
    }
}
