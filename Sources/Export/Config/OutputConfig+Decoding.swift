import ConfigKit
import Foundation
import NetKit
import Yams

extension OutputConfig {
    static let types = ["local", "s3", "https"]
    static let localKeys = ["type", "name", "path", "filename_pattern", "create_dirs", "overwrite", "compression"]
    static let s3Keys = ["type", "name", "bucket", "prefix", "region", "endpoint_url", "filename_pattern", "compression",
                         "credentials", "storage_class", "server_side_encryption", "acl", "metadata"]
    static let httpsKeys = ["type", "name", "url", "method", "headers", "batch_size", "batch_delay", "retry_attempts",
                            "retry_delay", "retry_backoff", "retry_on_status", "verify_ssl", "client_cert", "client_key",
                            "timeout"]
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
        let checker = OutputChecker(reader: reader, path: "\(path) (\(type))")
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
///
/// Keys gpuport declares optional (`name`, `region`, `endpoint_url`, `credentials`, `server_side_encryption`,
/// `metadata`, `headers`, `batch_size`, `client_cert`, `client_key`) may be written as `null`, meaning left out.
final class OutputChecker {
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

    /// Non-empty text, nil when absent (or, with `nullable`, `null`).
    func text(_ entries: ConfigReader.Entries, _ key: String, nullable: Bool = false) -> String? {
        guard let node = nullable ? reader.given(entries[key]) : entries[key] else { return nil }
        guard let value = reader.nonEmptyString(node, "\(path): \(key)") else {
            valid = false
            return nil
        }
        return value
    }

    /// The output's `name`, for reports.
    func name(_ entries: ConfigReader.Entries) -> String? { text(entries, "name", nullable: true) }

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

    func choice(_ entries: ConfigReader.Entries, _ key: String, among allowed: [String], nullable: Bool = false) -> String? {
        guard let text = text(entries, key, nullable: nullable) else { return nil }
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

    func url(_ entries: ConfigReader.Entries, _ key: String, nullable: Bool = false) -> String? {
        guard let text = text(entries, key, nullable: nullable) else { return nil }
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
        let config = LocalOutputConfig(name: name(entries), path: directory, filenamePattern: pattern(entries),
                                       createDirs: value(entries, "create_dirs", true, reader.flag),
                                       overwrite: value(entries, "overwrite", false, reader.flag),
                                       compression: compression(entries))
        return valid ? config : nil
    }

    func nonNegative(_ entries: ConfigReader.Entries, _ key: String, _ fallback: Double) -> Double {
        let number = value(entries, key, fallback, reader.decimal)
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
