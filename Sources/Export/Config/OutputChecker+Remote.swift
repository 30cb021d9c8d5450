import ConfigKit
import Foundation
import Yams

extension OutputChecker {
    func s3(_ entries: ConfigReader.Entries) -> S3OutputConfig? {
        var config = S3OutputConfig(name: name(entries), bucket: text(entries, "bucket") ?? "",
                                    filenamePattern: pattern(entries), compression: compression(entries))
        if !config.bucket.isEmpty, !Self.isBucketName(config.bucket) {
            fail("bucket '\(config.bucket)' is not a bucket name (3–63 lowercase letters, digits, '.', '-')", at: entries["bucket"])
        }
        config.prefix = value(entries, "prefix", "", reader.string)
        if config.prefix.hasPrefix("/") { fail("prefix must not start with '/'", at: entries["prefix"]) }
        config.region = text(entries, "region", nullable: true)
        config.endpointURL = url(entries, "endpoint_url", nullable: true)
        config.storageClass = choice(entries, "storage_class", among: OutputConfig.storageClasses)
        config.serverSideEncryption = choice(entries, "server_side_encryption", among: OutputConfig.encryptions, nullable: true)
        config.acl = choice(entries, "acl", among: OutputConfig.acls)
        if let node = reader.given(entries["credentials"]),
           let credentials = reader.mapping(node, at: "\(path): credentials",
                                            allowed: ["access_key_env", "secret_key_env", "session_token_env"]) {
            if let key = credentials["access_key_env"] {
                config.accessKeyEnv = environmentName(key, "\(path): credentials.access_key_env") ?? config.accessKeyEnv
            }
            if let key = credentials["secret_key_env"] {
                config.secretKeyEnv = environmentName(key, "\(path): credentials.secret_key_env") ?? config.secretKeyEnv
            }
            if let key = credentials["session_token_env"] {
                config.sessionTokenEnv = environmentName(key, "\(path): credentials.session_token_env")
            }
        } else if reader.given(entries["credentials"]) != nil {
            valid = false
        } else {
            // No credentials: the variables the AWS SDKs (and so gpuport's boto3) read, the session token if set.
            config.sessionTokenEnv = "AWS_SESSION_TOKEN"
        }
        if let pairs = reader.stringPairs(reader.given(entries["metadata"]), "\(path): metadata") {
            for pair in pairs {
                if Self.isToken(pair.key) {
                    config.metadata[pair.key.lowercased()] = pair.value
                } else {
                    fail("metadata key '\(pair.key)' must be letters, digits and '-' (it becomes x-amz-meta-\(pair.key))",
                         at: pair.node)
                }
                if pair.value.contains(where: { $0 == "\r" || $0 == "\n" }) {
                    fail("metadata '\(pair.key)' must not contain a line break", at: pair.node)
                }
            }
        } else if reader.given(entries["metadata"]) != nil {
            valid = false
        }
        return valid ? config : nil
    }

    func https(_ entries: ConfigReader.Entries) -> HTTPSOutputConfig? {
        var config = HTTPSOutputConfig(name: name(entries), url: url(entries, "url") ?? "")
        if let node = entries["method"], let method = reader.string(node, "\(path): method") {
            if let value = HTTPSOutputConfig.Method(rawValue: method.uppercased()) {
                config.method = value
            } else {
                fail("method '\(method)' is not one of POST, PUT, PATCH", at: node)
            }
        } else if entries["method"] != nil {
            valid = false
        }
        if let pairs = reader.stringPairs(reader.given(entries["headers"]), "\(path): headers") {
            for pair in pairs {
                guard Self.isToken(pair.key) else {
                    fail("header name '\(pair.key)' is not a valid HTTP header name", at: pair.node)
                    continue
                }
                if pair.value.contains(where: { $0 == "\r" || $0 == "\n" }) {
                    fail("header '\(pair.key)' must not contain a line break", at: pair.node)
                }
                for name in EnvironmentReference.names(in: pair.value) where !EnvironmentReference.isValidName(name) {
                    fail("header '\(pair.key)' references '${\(name)}', which is not an environment variable name", at: pair.node)
                }
                config.headers[pair.key] = pair.value
            }
        } else if reader.given(entries["headers"]) != nil {
            valid = false
        }
        if let node = reader.given(entries["batch_size"]) {
            if let size = reader.wholeNumber(node, "\(path): batch_size") {
                if size < 1 { fail("batch_size must be at least 1, not \(size)", at: node) }
                config.batchSize = size
            } else {
                valid = false
            }
        }
        config.batchDelay = nonNegative(entries, "batch_delay", config.batchDelay)
        config.retryDelay = nonNegative(entries, "retry_delay", config.retryDelay)
        config.retryAttempts = value(entries, "retry_attempts", config.retryAttempts, reader.wholeNumber)
        if config.retryAttempts < 0 { fail("retry_attempts must be 0 or more", at: entries["retry_attempts"]) }
        config.retryBackoff = value(entries, "retry_backoff", config.retryBackoff, reader.decimal)
        if config.retryBackoff < 1 { fail("retry_backoff must be at least 1 (a multiplier of retry_delay)", at: entries["retry_backoff"]) }
        config.timeout = value(entries, "timeout", config.timeout, reader.decimal)
        if config.timeout <= 0 { fail("timeout must be more than 0 seconds", at: entries["timeout"]) }
        if let items = reader.sequence(entries["retry_on_status"], "\(path): retry_on_status") {
            var statuses: [Int] = []
            for item in items {
                guard let status = reader.wholeNumber(item, "\(path): retry_on_status item") else {
                    valid = false
                    continue
                }
                if !(100...599).contains(status) { fail("retry_on_status \(status) is not an HTTP status (100–599)", at: item) }
                statuses.append(status)
            }
            config.retryOnStatus = statuses
        } else if entries["retry_on_status"] != nil {
            valid = false
        }
        config.verifySSL = value(entries, "verify_ssl", config.verifySSL, reader.flag)
        config.clientCert = text(entries, "client_cert", nullable: true)
        config.clientKey = text(entries, "client_key", nullable: true)
        if (config.clientCert == nil) != (config.clientKey == nil),
           reader.given(entries["client_cert"]) != nil || reader.given(entries["client_key"]) != nil {
            fail("client_cert and client_key go together; set both or neither", at: entries["client_cert"] ?? entries["client_key"])
        }
        return valid ? config : nil
    }

}
