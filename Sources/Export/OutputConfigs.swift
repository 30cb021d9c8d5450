/// How a payload is compressed before it is written or uploaded.
public enum Compression: String, Sendable, Hashable {
    case none, gzip
}

/// `local` output settings.
public struct LocalOutputConfig: Sendable, Hashable {
    public var path: String
    public var filenamePattern: String
    public var createDirs: Bool
    public var overwrite: Bool
    public var compression: Compression

    public init(path: String, filenamePattern: String, createDirs: Bool = true, overwrite: Bool = false,
                compression: Compression = .none) {
        self.path = path
        self.filenamePattern = filenamePattern
        self.createDirs = createDirs
        self.overwrite = overwrite
        self.compression = compression
    }
}

/// `s3` output settings; credentials are the NAMES of environment variables, never values.
public struct S3OutputConfig: Sendable, Hashable {
    public var bucket: String
    public var prefix: String
    public var region: String
    public var endpointURL: String?
    public var filenamePattern: String
    public var compression: Compression
    public var accessKeyEnv: String
    public var secretKeyEnv: String
    public var sessionTokenEnv: String?
    public var storageClass: String?
    public var serverSideEncryption: String?
    public var acl: String?
    public var metadata: [String: String]

    public init(bucket: String, prefix: String = "", region: String = "us-east-1", endpointURL: String? = nil,
                filenamePattern: String, compression: Compression = .none, accessKeyEnv: String = "AWS_ACCESS_KEY_ID",
                secretKeyEnv: String = "AWS_SECRET_ACCESS_KEY", sessionTokenEnv: String? = nil, storageClass: String? = nil,
                serverSideEncryption: String? = nil, acl: String? = nil, metadata: [String: String] = [:]) {
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
    public enum Method: String, Sendable, Hashable { case POST, PUT, PATCH }

    public var url: String
    public var method: Method
    public var headers: [String: String]
    /// Records per request; nil sends everything in one request.
    public var batchSize: Int?
    /// Seconds between batches.
    public var batchDelay: Double
    public var retryAttempts: Int
    /// Seconds before the first retry.
    public var retryDelay: Double
    /// Multiplier of the delay after each retry.
    public var retryBackoff: Double
    public var retryOnStatus: [Int]
    public var verifySSL: Bool
    public var clientCert: String?
    public var clientKey: String?
    /// Seconds per request.
    public var timeout: Double

    public init(url: String, method: Method = .POST, headers: [String: String] = [:], batchSize: Int? = nil,
                batchDelay: Double = 0, retryAttempts: Int = 3, retryDelay: Double = 1, retryBackoff: Double = 2,
                retryOnStatus: [Int] = [429, 500, 502, 503, 504], verifySSL: Bool = true, clientCert: String? = nil,
                clientKey: String? = nil, timeout: Double = 30) {
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
