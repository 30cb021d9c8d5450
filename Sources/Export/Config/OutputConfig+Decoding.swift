import Foundation
import NetKit
import Yams

extension OutputConfig {
    static let types = ["local", "s3", "https"]
    static let localKeys = ["type", "path", "filename_pattern", "create_dirs", "overwrite", "compression"]
    static let s3Keys = ["type", "bucket", "prefix", "region", "endpoint_url", "filename_pattern", "compression", "credentials",
                         "storage_class", "server_side_encryption", "acl", "metadata"]
    static let httpsKeys = ["type", "url", "method", "headers", "batch_size", "batch_delay", "retry_attempts", "retry_delay",
                            "retry_backoff", "retry_on_status", "verify_ssl", "client_cert", "client_key", "timeout"]
    /// S3's storage classes (PutObject `x-amz-storage-class`).
    static let storageClasses = ["STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
                                 "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS", "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE"]
    /// S3's server-side encryption values (`x-amz-server-side-encryption`).
    static let encryptions = ["AES256", "aws:kms", "aws:kms:dsse"]
    /// S3's canned ACLs (`x-amz-acl`).
    static let acls = ["private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
                       "bucket-owner-read", "bucket-owner-full-control"]

    /// Reads an output: `type` and that type's settings.
    static func decode(_ node: Node, at path: String, reader: ConfigReader) -> OutputConfig? {
        guard case .mapping = node else {
            reader.report("\(path) must be a mapping with a 'type' (\(types.joined(separator: ", "))), not \(reader.describe(node))",
                          at: node)
            return nil
        }
        guard let typeNode = node["type"], let type = reader.nonEmptyString(typeNode, "\(path).type") else {
            reader.report("\(path) needs 'type' (\(types.joined(separator: ", ")))", at: node)
            return nil
        }
        let checker = Checker(reader: reader, path: "\(path) (\(type))")
        switch type {
        case "local":
            guard let entries = reader.mapping(node, at: checker.path, allowed: localKeys, required: ["path", "filename_pattern"])
            else { return nil }
            return checker.local(entries).map(OutputConfig.local)
        case "s3":
            guard let entries = reader.mapping(node, at: checker.path, allowed: s3Keys, required: ["bucket", "filename_pattern"])
            else { return nil }
            return checker.s3(entries).map(OutputConfig.s3)
        case "https":
            guard let entries = reader.mapping(node, at: checker.path, allowed: httpsKeys, required: ["url"]) else { return nil }
            return checker.https(entries).map(OutputConfig.https)
        default:
            reader.report("\(path): unknown type '\(type)'" + ConfigReader.suggestion(for: type, among: types)
                          + " (types: \(types.joined(separator: ", ")))", at: typeNode)
            return nil
        }
    }
}

/// Reads one output's settings; `valid` turns false at the first problem (all are still reported).
private final class Checker {
    let reader: ConfigReader
    let path: String
    var valid = true

    init(reader: ConfigReader, path: String) {
        self.reader = reader
        self.path = path
    }

    func fail(_ message: String, at node: Node?) {
        reader.report("\(path): \(message)", at: node)
        valid = false
    }

    /// The value of an optional key read with `read`, or `fallback` when absent; marks invalid when wrong.
    func value<T>(_ entries: ConfigReader.Entries, _ key: String, _ fallback: T, _ read: (Node?, String) -> T?) -> T {
        guard let node = entries[key] else { return fallback }
        guard let value = read(node, "\(path): \(key)") else {
            valid = false
            return fallback
        }
        return value
    }

    func text(_ entries: ConfigReader.Entries, _ key: String) -> String? {
        guard let node = entries[key] else { return nil }
        guard let value = reader.nonEmptyString(node, "\(path): \(key)") else {
            valid = false
            return nil
        }
        return value
    }

    func pattern(_ entries: ConfigReader.Entries) -> String {
        guard let pattern = text(entries, "filename_pattern") else { return "" }
        let unknown = FilenamePattern.unknownPlaceholders(in: pattern)
        if !unknown.isEmpty {
            fail("filename_pattern has unknown placeholder\(unknown.count == 1 ? "" : "s") "
                 + unknown.map { "{\($0)}" }.joined(separator: ", ") + " (known: "
                 + FilenamePattern.placeholders.map { "{\($0)}" }.joined(separator: ", ") + ")", at: entries["filename_pattern"])
        }
        if pattern.hasPrefix("/") || pattern.split(separator: "/").contains("..") || pattern.hasSuffix("/") {
            fail("filename_pattern '\(pattern)' must be a relative file name (no leading '/', no '..', not ending in '/')",
                 at: entries["filename_pattern"])
        }
        return pattern
    }

    func compression(_ entries: ConfigReader.Entries) -> Compression {
        value(entries, "compression", Compression.none) { node, what in
            guard let text = reader.string(node, what) else { return nil }
            guard let value = Compression(rawValue: text) else {
                reader.report("\(what) must be none or gzip, not '\(text)'", at: node)
                return nil
            }
            return value
        }
    }

    func choice(_ entries: ConfigReader.Entries, _ key: String, among allowed: [String]) -> String? {
        guard let text = text(entries, key) else { return nil }
        guard allowed.contains(text) else {
            fail("\(key) '\(text)' is not one of \(allowed.joined(separator: ", "))"
                 + ConfigReader.suggestion(for: text, among: allowed), at: entries[key])
            return nil
        }
        return text
    }

    func environmentName(_ node: Node?, _ what: String) -> String? {
        guard let name = reader.nonEmptyString(node, what) else {
            valid = false
            return nil
        }
        guard EnvironmentReference.isValidName(name) else {
            fail("\(what.replacingOccurrences(of: "\(path): ", with: "")) '\(name)' is not an environment variable name "
                 + "(letters, digits, '_'; it names the variable, never holds the secret)", at: node)
            return nil
        }
        return name
    }

    func url(_ entries: ConfigReader.Entries, _ key: String) -> String? {
        guard let text = text(entries, key) else { return nil }
        guard let components = URLComponents(string: text), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
              let host = components.host, !host.isEmpty else {
            fail("\(key) '\(URLRedaction.redacted(text))' is not an http:// or https:// URL", at: entries[key])
            return nil
        }
        if components.password != nil || components.user != nil {
            fail("\(key) must not hold credentials; use credentials or headers with ${ENV}", at: entries[key])
            return nil
        }
        return text
    }

    func local(_ entries: ConfigReader.Entries) -> LocalOutputConfig? {
        let directory = text(entries, "path") ?? ""
        let config = LocalOutputConfig(path: directory, filenamePattern: pattern(entries),
                                       createDirs: value(entries, "create_dirs", true, reader.bool),
                                       overwrite: value(entries, "overwrite", false, reader.bool),
                                       compression: compression(entries))
        return valid ? config : nil
    }

    func s3(_ entries: ConfigReader.Entries) -> S3OutputConfig? {
        var config = S3OutputConfig(bucket: text(entries, "bucket") ?? "", filenamePattern: pattern(entries),
                                    compression: compression(entries))
        if !config.bucket.isEmpty, !Self.isBucketName(config.bucket) {
            fail("bucket '\(config.bucket)' is not a bucket name (3–63 lowercase letters, digits, '.', '-')", at: entries["bucket"])
        }
        config.prefix = value(entries, "prefix", "", reader.string)
        if config.prefix.hasPrefix("/") { fail("prefix must not start with '/'", at: entries["prefix"]) }
        config.region = text(entries, "region") ?? config.region
        config.endpointURL = url(entries, "endpoint_url")
        config.storageClass = choice(entries, "storage_class", among: OutputConfig.storageClasses)
        config.serverSideEncryption = choice(entries, "server_side_encryption", among: OutputConfig.encryptions)
        config.acl = choice(entries, "acl", among: OutputConfig.acls)
        if let node = entries["credentials"],
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
        } else if entries["credentials"] != nil {
            valid = false
        }
        if let pairs = reader.stringPairs(entries["metadata"], "\(path): metadata") {
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
        } else if entries["metadata"] != nil {
            valid = false
        }
        return valid ? config : nil
    }

    func https(_ entries: ConfigReader.Entries) -> HTTPSOutputConfig? {
        var config = HTTPSOutputConfig(url: url(entries, "url") ?? "")
        if let node = entries["method"], let method = reader.string(node, "\(path): method") {
            if let value = HTTPSOutputConfig.Method(rawValue: method.uppercased()) {
                config.method = value
            } else {
                fail("method '\(method)' is not one of POST, PUT, PATCH", at: node)
            }
        } else if entries["method"] != nil {
            valid = false
        }
        if let pairs = reader.stringPairs(entries["headers"], "\(path): headers") {
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
        } else if entries["headers"] != nil {
            valid = false
        }
        if let node = entries["batch_size"] {
            if let size = reader.int(node, "\(path): batch_size") {
                if size < 1 { fail("batch_size must be at least 1, not \(size)", at: node) }
                config.batchSize = size
            } else {
                valid = false
            }
        }
        config.batchDelay = nonNegative(entries, "batch_delay", config.batchDelay)
        config.retryDelay = nonNegative(entries, "retry_delay", config.retryDelay)
        config.retryAttempts = value(entries, "retry_attempts", config.retryAttempts, reader.int)
        if config.retryAttempts < 0 { fail("retry_attempts must be 0 or more", at: entries["retry_attempts"]) }
        config.retryBackoff = value(entries, "retry_backoff", config.retryBackoff, reader.number)
        if config.retryBackoff < 1 { fail("retry_backoff must be at least 1 (a multiplier of retry_delay)", at: entries["retry_backoff"]) }
        config.timeout = value(entries, "timeout", config.timeout, reader.number)
        if config.timeout <= 0 { fail("timeout must be more than 0 seconds", at: entries["timeout"]) }
        if let items = reader.sequence(entries["retry_on_status"], "\(path): retry_on_status") {
            var statuses: [Int] = []
            for item in items {
                guard let status = reader.int(item, "\(path): retry_on_status item") else {
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
        config.verifySSL = value(entries, "verify_ssl", config.verifySSL, reader.bool)
        config.clientCert = text(entries, "client_cert")
        config.clientKey = text(entries, "client_key")
        if (config.clientCert == nil) != (config.clientKey == nil), entries["client_cert"] != nil || entries["client_key"] != nil {
            fail("client_cert and client_key go together; set both or neither", at: entries["client_cert"] ?? entries["client_key"])
        }
        return valid ? config : nil
    }

    private func nonNegative(_ entries: ConfigReader.Entries, _ key: String, _ fallback: Double) -> Double {
        let number = value(entries, key, fallback, reader.number)
        if number < 0 { fail("\(key) must be 0 or more seconds", at: entries[key]) }
        return number
    }

    /// An HTTP token (header name, metadata key): letters, digits and `!#$%&'*+-.^_|~`.
    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)) }
    }

    static func isBucketName(_ text: String) -> Bool {
        (3...63).contains(text.count) && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
        }
    }
}
