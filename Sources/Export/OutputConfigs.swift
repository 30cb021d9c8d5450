/// How a payload is compressed before it is written or uploaded.
public enum Compression: String, Sendable, Hashable {
    /// The bytes as rendered.
    case none
    /// A gzip file; `.gz` is appended to the name unless it already ends in `.gz`.
    case gzip
}

/// `local` output settings.
public struct LocalOutputConfig: Sendable, Hashable {
    /// The output's name in reports (gpuport's `name`), if any.
    public var name: String?
    /// The directory; a relative one is resolved against the directory the export runs in.
    public var path: String
    /// The file name under ``path``, with placeholders (``FilenamePattern``); may hold `/`.
    public var filenamePattern: String
    /// Creates missing directories. Default true.
    public var createDirs: Bool
    /// Replaces an existing file; else an existing file fails the output. Default false.
    public var overwrite: Bool
    /// Default none.
    public var compression: Compression

    /// Creates settings.
    public init(name: String? = nil, path: String, filenamePattern: String, createDirs: Bool = true, overwrite: Bool = false,
                compression: Compression = .none) {
        self.name = name
        self.path = path
        self.filenamePattern = filenamePattern
        self.createDirs = createDirs
        self.overwrite = overwrite
        self.compression = compression
    }
}

/// `s3` output settings; credentials are the NAMES of environment variables, never values.
public struct S3OutputConfig: Sendable, Hashable {
    /// The output's name in reports (gpuport's `name`), if any.
    public var name: String?
    /// The bucket.
    public var bucket: String
    /// A folder for the keys, e.g. `data/`; empty for the bucket root.
    public var prefix: String
    /// The bucket's region; nil takes `AWS_REGION` or `AWS_DEFAULT_REGION` from the environment, else `us-east-1`.
    public var region: String?
    /// An S3-compatible endpoint (MinIO, R2, …); nil takes `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL` from the
    /// environment, else AWS.
    public var endpointURL: String?
    /// The object's name under ``prefix``, with placeholders (``FilenamePattern``).
    public var filenamePattern: String
    /// Default none.
    public var compression: Compression
    /// The variable holding the access key ID. Default `AWS_ACCESS_KEY_ID`.
    public var accessKeyEnv: String
    /// The variable holding the secret access key. Default `AWS_SECRET_ACCESS_KEY`.
    public var secretKeyEnv: String
    /// The variable holding a session token; an unset or empty variable signs without one. Default nil.
    public var sessionTokenEnv: String?
    /// `x-amz-storage-class`, when set.
    public var storageClass: String?
    /// `x-amz-server-side-encryption`, when set.
    public var serverSideEncryption: String?
    /// `x-amz-acl`, when set.
    public var acl: String?
    /// `x-amz-meta-*` fields, names lowercased.
    public var metadata: [String: String]

    /// Creates settings.
    public init(name: String? = nil, bucket: String, prefix: String = "", region: String? = nil, endpointURL: String? = nil,
                filenamePattern: String, compression: Compression = .none, accessKeyEnv: String = "AWS_ACCESS_KEY_ID",
                secretKeyEnv: String = "AWS_SECRET_ACCESS_KEY", sessionTokenEnv: String? = nil, storageClass: String? = nil,
                serverSideEncryption: String? = nil, acl: String? = nil, metadata: [String: String] = [:]) {
        self.name = name
        self.bucket = bucket
        self.prefix = prefix
        self.region = region
        self.endpointURL = endpointURL
        self.filenamePattern = filenamePattern
        self.compression = compression
        self.accessKeyEnv = accessKeyEnv
        self.secretKeyEnv = secretKeyEnv
        self.sessionTokenEnv = sessionTokenEnv
        self.storageClass = storageClass
        self.serverSideEncryption = serverSideEncryption
        self.acl = acl
        self.metadata = metadata
    }
}

/// `https` output settings; header values may contain `${ENV}` references, resolved at delivery.
public struct HTTPSOutputConfig: Sendable, Hashable {
    /// The methods an `https` output may use.
    public enum Method: String, Sendable, Hashable {
        /// The three methods, named as written.
        case POST, PUT, PATCH
    }

    /// The output's name in reports (gpuport's `name`), if any.
    public var name: String?
    /// The URL; may reference `${ENV}`.
    public var url: String
    /// Default POST.
    public var method: Method
    /// Header names and values; values may reference `${ENV}`.
    public var headers: [String: String]
    /// Records per request; nil sends everything in one request.
    public var batchSize: Int?
    /// Seconds between batches. Default 0.
    public var batchDelay: Double
    /// Retries after the first try. Default 3.
    public var retryAttempts: Int
    /// Seconds before the first retry. Default 5, as in gpuport.
    public var retryDelay: Double
    /// Multiplier of the delay after each retry. Default 2.
    public var retryBackoff: Double
    /// Statuses that are retried. Default 500, 502, 503, 504, as in gpuport.
    public var retryOnStatus: [Int]
    /// Verifies the server's certificate and host name. Default true.
    public var verifySSL: Bool
    /// PEM client certificate path, for mutual TLS.
    public var clientCert: String?
    /// PEM key path of ``clientCert``.
    public var clientKey: String?
    /// Seconds per request. Default 30.
    public var timeout: Double

    /// Creates settings.
    public init(name: String? = nil, url: String, method: Method = .POST, headers: [String: String] = [:], batchSize: Int? = nil,
                batchDelay: Double = 0, retryAttempts: Int = 3, retryDelay: Double = 5, retryBackoff: Double = 2,
                retryOnStatus: [Int] = [500, 502, 503, 504], verifySSL: Bool = true, clientCert: String? = nil,
                clientKey: String? = nil, timeout: Double = 30) {
        self.name = name
        self.url = url
        self.method = method
        self.headers = headers
        self.batchSize = batchSize
        self.batchDelay = batchDelay
        self.retryAttempts = retryAttempts
        self.retryDelay = retryDelay
        self.retryBackoff = retryBackoff
        self.retryOnStatus = retryOnStatus
        self.verifySSL = verifySSL
        self.clientCert = clientCert
        self.clientKey = clientKey
        self.timeout = timeout
    }
}
