import Foundation
import Logging
import NetKit

/// The `s3` output: uploads a pipeline's payload as one object with a signed `PUT` (AWS Signature Version 4).
///
/// - **Key**: the prefix as a folder (leading `/` dropped, a `/` added when missing; empty for the bucket root)
///   followed by `filename_pattern` rendered for the run time (``FilenamePattern/render(_:date:)``), e.g. prefix
///   `exports` and `gpus-{date}.json` → `exports/gpus-2026-08-22.json`. No extension is added.
/// - **gzip**: the body is compressed and the object *is* a gzip file: `.gz` is appended to the key unless the
///   rendered name already ends in `.gz`, `Content-Type` is `application/gzip`, and no `Content-Encoding` is set,
///   so every client downloads exactly the bytes uploaded (with `Content-Encoding: gzip`, browsers and HTTP libraries
///   would silently unzip a file whose name says `.gz`). The payload's own type is kept in the metadata
///   `x-amz-meta-content-type`, unless `metadata` sets that name itself.
/// - **Headers**: `x-amz-storage-class`, `x-amz-server-side-encryption`, `x-amz-acl` when configured, and
///   `x-amz-meta-NAME` for each `metadata` entry (names lowercased; values must be printable ASCII).
/// - **Credentials**: read at delivery from the environment variables that `credentials` names; a missing key or
///   secret is an error naming the variable; a session token variable that is unset or empty signs without a token
///   (gpuport's `session_token_env` is optional). Without `credentials`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`
///   and (when set) `AWS_SESSION_TOKEN`, as the AWS SDKs read them. Values never appear in errors or logs.
/// - **Region and endpoint** (``resolved(_:environment:)``): without `region`, `AWS_REGION` or `AWS_DEFAULT_REGION`,
///   else `us-east-1`; without `endpoint_url`, `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` (the AWS SDKs' variables,
///   which boto3, gpuport's client, honours too), unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`.
/// - **Addressing**: path-style against an endpoint when there is one, else virtual-hosted style on AWS (``S3Client``).
/// - **Retries**: network errors, 429 and 5xx as ``retry`` says (default 5, 10, 20 s); other statuses fail at once
///   with S3's error code and what to check (``S3OutputError``).
public struct S3Destination: ExportDestination {
    /// The output's settings.
    public let config: S3OutputConfig
    /// Retries after network errors, 429 and 5xx.
    public var retry: RetryPolicy
    /// Seconds allowed per request (the whole upload). Default 300.
    public var timeout: Double
    /// Where retries and uploads are logged (never with credentials).
    public var logger: Logger

    /// Creates the output.
    /// - Parameters:
    ///   - config: the settings.
    ///   - retry: the retry policy; tests pass `.immediate()` or `.none`.
    ///   - timeout: seconds per request.
    ///   - logger: the logger.
    public init(config: S3OutputConfig, retry: RetryPolicy = .standard, timeout: Double = 300,
                logger: Logger = Logger(label: "seekgpu.export.s3")) {
        self.config = config
        self.retry = retry
        self.timeout = timeout
        self.logger = logger
    }

    /// `s3://BUCKET/PREFIX/` (the prefix normalised as a folder).
    public var label: String { "s3://\(config.bucket)/\(Self.folder(config.prefix))" }

    /// The object key for a delivery at `date`: prefix folder + rendered file name (+ `.gz` when compressed).
    /// - Parameter date: the run time.
    /// - Returns: the key, without a leading `/`.
    public func objectKey(at date: Date) -> String {
        var name = FilenamePattern.render(config.filenamePattern, date: date)
        while name.hasPrefix("/") { name.removeFirst() }
        if config.compression == .gzip, !name.hasSuffix(".gz") { name += ".gz" }
        return Self.folder(config.prefix) + name
    }

    /// Uploads the payload (all records rendered once) and returns `s3://BUCKET/KEY`.
    /// - Throws: ``S3OutputError`` for missing credentials, invalid metadata, a refused request or a network failure;
    ///   the rendering error of the payload as it is.
    public func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String {
        let config = try Self.resolved(self.config, environment: context.environment)
        let credentials = try Self.credentials(for: config, environment: context.environment)
        let key = objectKey(at: context.runTime)
        let target = "s3://\(config.bucket)/\(key)"
        var body = try payload.bytes()
        let rawSize = body.count
        if config.compression == .gzip {
            do { body = try Gzip.compress(body) } catch {
                throw S3OutputError(message: "S3 upload to \(target) failed: \(error)")
            }
        }
        let headers = try Self.headers(for: config, contentType: payload.contentType, target: target)
        let client = S3Client(bucket: config.bucket, region: config.region ?? Self.defaultRegion, endpointURL: config.endpointURL,
                              credentials: credentials, retry: retry, timeout: timeout)
        let upload = body
        let logger = self.logger
        let response: HTTPResponse
        do {
            response = try await performBlocking { () throws(NetError) -> HTTPResponse in
                let http = try HTTPClient()
                return try client.send("PUT", key: key, headers: headers, body: upload, client: http) { n, reason, delay in
                    logger.warning("retrying S3 upload to \(target) in \(HTTPSDestination.seconds(delay)) s after \(reason) (retry \(n))")
                }
            }
        } catch {
            throw S3OutputError(message: "S3 upload to \(target) failed: \(Self.blanking(credentials, in: error.description))")
        }
        guard response.isSuccess else { throw Self.failure(response, config: config, target: target, credentials: credentials) }
        logger.info("uploaded \(body.count) bytes (\(rawSize) before compression) to \(target)")
        return target
    }

    /// The signing credentials from the environment variables the config names.
    /// - Throws: ``S3OutputError`` naming the first variable that is unset or empty.
    static func credentials(for config: S3OutputConfig,
                            environment: [String: String]) throws(S3OutputError) -> SigV4Signer.Credentials {
        func value(_ variable: String, _ setting: String, _ what: String) throws(S3OutputError) -> String {
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw S3OutputError(message: "S3 output s3://\(config.bucket)/: environment variable \(variable) "
                    + "(credentials.\(setting)) is not set or empty; set it to the \(what)")
            }
            return value
        }
        let accessKey = try value(config.accessKeyEnv, "access_key_env", "access key ID")
        let secret = try value(config.secretKeyEnv, "secret_key_env", "secret access key")
        let token = config.sessionTokenEnv.flatMap { environment[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) }
        return .init(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token?.isEmpty == false ? token : nil)
    }

    /// The region used when neither `region` nor the environment names one.
    public static let defaultRegion = "us-east-1"

    /// `config` with the region and endpoint the environment supplies where the configuration has none, as the AWS
    /// SDKs do: region from `AWS_REGION`, then `AWS_DEFAULT_REGION`, then ``defaultRegion``; endpoint from
    /// `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`.
    /// - Parameters:
    ///   - config: the output's settings.
    ///   - environment: the environment.
    /// - Returns: the settings with `region` set and, when configured or given by the environment, `endpointURL`.
    /// - Throws: ``S3OutputError`` naming the variable when an endpoint variable is not an http(s) URL.
    public static func resolved(_ config: S3OutputConfig, environment: [String: String]) throws(S3OutputError) -> S3OutputConfig {
        func variable(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var config = config
        config.region = config.region ?? variable("AWS_REGION") ?? variable("AWS_DEFAULT_REGION") ?? defaultRegion
        let ignored = variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() == "true"
        guard config.endpointURL == nil, !ignored else { return config }
        for name in ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"] {
            guard let endpoint = variable(name) else { continue }
            guard let components = URLComponents(string: endpoint), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
                  components.host?.isEmpty == false, components.user == nil, components.password == nil else {
                throw S3OutputError(message: "S3 output s3://\(config.bucket)/: environment variable \(name) is not an http:// "
                    + "or https:// URL without credentials; fix it or unset it")
            }
            config.endpointURL = endpoint
            return config
        }
        return config
    }

    /// The PUT's header fields: `Content-Type`, the `x-amz-*` options and metadata (sorted by name).
    /// - Throws: ``S3OutputError`` for a metadata name or value S3 cannot carry in a header.
    static func headers(for config: S3OutputConfig, contentType: String,
                        target: String) throws(S3OutputError) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            (name: "Content-Type", value: config.compression == .gzip ? "application/gzip" : contentType),
        ]
        if let storageClass = config.storageClass { headers.append((name: "x-amz-storage-class", value: storageClass)) }
        if let sse = config.serverSideEncryption { headers.append((name: "x-amz-server-side-encryption", value: sse)) }
        if let acl = config.acl { headers.append((name: "x-amz-acl", value: acl)) }
        var metadata = config.metadata.map { (name: $0.key.lowercased(), value: $0.value) }
        if config.compression == .gzip, !metadata.contains(where: { $0.name == "content-type" }) {
            metadata.append((name: "content-type", value: contentType))
        }
        for entry in metadata.sorted(by: { $0.name < $1.name }) {
            let nameOK = !entry.name.isEmpty && entry.name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
            let valueOK = entry.value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            guard nameOK, valueOK else {
                throw S3OutputError(message: "S3 upload to \(target) not sent: metadata '\(entry.name)' cannot be sent "
                    + "as an x-amz-meta header; use letters, digits, '-', '_' or '.' in names and printable ASCII in values")
            }
            headers.append((name: "x-amz-meta-\(entry.name)", value: entry.value))
        }
        return headers
    }

    /// An ``S3OutputError`` for a non-2xx answer: S3's code and message, and what to check.
    static func failure(_ response: HTTPResponse, config: S3OutputConfig, target: String,
                        credentials: SigV4Signer.Credentials) -> S3OutputError {
        let (code, message) = S3ErrorReport.parse(response.body)
        let advice = S3ErrorReport.advice(code: code, status: response.status, config: config, target: target)
        var text = "S3 upload to \(target) failed: HTTP \(response.status)"
        if let code { text += " \(code)" }
        if let message { text += " (\(message))" }
        text += ": \(advice)"
        return S3OutputError(message: blanking(credentials, in: text), s3Code: code, status: response.status)
    }

    /// `text` with every credential value replaced by `***`.
    static func blanking(_ credentials: SigV4Signer.Credentials, in text: String) -> String {
        [credentials.secretAccessKey, credentials.sessionToken ?? "", credentials.accessKeyID]
            .filter { $0.count >= 4 }
            .reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// A prefix as a folder: no leading `/`, one trailing `/`; empty stays empty.
    static func folder(_ prefix: String) -> String {
        var folder = prefix
        while folder.hasPrefix("/") { folder.removeFirst() }
        if !folder.isEmpty, !folder.hasSuffix("/") { folder += "/" }
        return folder
    }
}
