import NetKit

/// An `s3` output could not deliver: missing credentials, a refused request, an unreachable endpoint.
///
/// The ``message`` names the environment *variables* to check, never their values; S3's own error text is included
/// with every credential value blanked out.
public struct S3OutputError: Error, Sendable, CustomStringConvertible {
    /// What failed and what to check, e.g. `S3 upload to s3://b/k failed: HTTP 403 SignatureDoesNotMatch (…): check …`.
    public var message: String
    /// S3's error code from the XML body (`SignatureDoesNotMatch`, `NoSuchBucket`, `AccessDenied`, …), if any.
    public var s3Code: String?
    /// The HTTP status, when S3 answered.
    public var status: Int?

    /// Creates an error.
    public init(message: String, s3Code: String? = nil, status: Int? = nil) {
        self.message = message
        self.s3Code = s3Code
        self.status = status
    }

    public var description: String { message }
}

/// Reads S3's XML error bodies and says what to check for each error code.
enum S3ErrorReport {
    /// `Code` and `Message` of an S3 error document (`<Error><Code>…</Code><Message>…</Message>…</Error>`).
    static func parse(_ body: [UInt8]) -> (code: String?, message: String?) {
        let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        return (element("Code", in: text), element("Message", in: text))
    }

    /// The text of the first `<name>…</name>`, XML entities decoded, or nil.
    private static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
              let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        let raw = String(text[open.upperBound..<close.lowerBound])
        let decoded = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")]
            .reduce(raw) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        let trimmed = decoded.split(whereSeparator: \.isNewline).joined(separator: " ")
        return trimmed.isEmpty ? nil : String(trimmed.prefix(300))
    }

    /// What to check for an S3 error code (or, without one, for the status).
    static func advice(code: String?, status: Int, config: S3OutputConfig, target: String) -> String {
        let keys = "credentials.access_key_env (\(config.accessKeyEnv)) and credentials.secret_key_env (\(config.secretKeyEnv))"
        let region = config.region ?? S3Destination.defaultRegion
        let where_ = config.endpointURL.map { "endpoint_url \(URLRedaction.redacted($0))" } ?? "region '\(region)'"
        switch code {
        case "SignatureDoesNotMatch":
            return "check that \(config.secretKeyEnv) holds the secret access key that belongs to the access key ID in "
                + "\(config.accessKeyEnv) (no extra spaces or newline), and that \(where_) is right"
        case "InvalidAccessKeyId":
            return "the access key ID in \(config.accessKeyEnv) is unknown to \(where_); check \(keys)"
        case "ExpiredToken", "InvalidToken", "TokenRefreshRequired":
            let variable = config.sessionTokenEnv.map { "\($0) (credentials.session_token_env)" } ?? "credentials.session_token_env"
            return "the session token is expired or invalid; refresh the temporary credentials and \(variable)"
        case "AccessDenied", "AllAccessDisabled":
            var rights = "s3:PutObject on \(target)"
            if config.acl != nil { rights += " and s3:PutObjectAcl" }
            if config.serverSideEncryption == "aws:kms" { rights += " and use of the KMS key" }
            return "the credentials in \(keys) are valid but not allowed to write; check the IAM and bucket policies (\(rights))"
        case "NoSuchBucket":
            return "bucket '\(config.bucket)' does not exist at \(where_); check `bucket`, `region` and `endpoint_url`"
        case "AuthorizationHeaderMalformed", "PermanentRedirect", "IllegalLocationConstraintException", "IncorrectEndpoint":
            return "the bucket is not in region '\(region)'; set `region` to the bucket's region"
        case "InvalidStorageClass":
            return "check `storage_class` ('\(config.storageClass ?? "")'): STANDARD, STANDARD_IA, ONEZONE_IA, "
                + "INTELLIGENT_TIERING, GLACIER_IR, GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY, …"
        case "InvalidArgument", "InvalidEncryptionAlgorithmError", "InvalidRequest", "UnexpectedContent":
            return "check `storage_class`, `server_side_encryption`, `acl` and `metadata`"
        case "AccessControlListNotSupported":
            return "the bucket has ACLs disabled (object ownership: bucket owner enforced); remove `acl`"
        case "RequestTimeTooSkewed":
            return "the system clock is more than 15 minutes off; fix the clock (NTP)"
        case "EntityTooLarge":
            return "the object is larger than a single PUT allows (5 GiB); filter more records or compress"
        case "SlowDown", "ServiceUnavailable", "InternalError":
            return "S3 is overloaded or failing; try again later"
        default:
            switch status {
            case 401, 403: return "access refused; check \(keys) and the bucket's policies"
            case 404: return "check `bucket`, `region` and `endpoint_url`"
            case 500...599: return "the server failed; try again later"
            default: return "see S3's message"
            }
        }
    }
}
