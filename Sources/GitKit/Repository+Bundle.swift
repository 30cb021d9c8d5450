import CGit2
#if canImport(Glibc)
import Glibc
#endif

extension Repository {
    /// Creates a repository at `path` holding everything in the git bundle at `bundlePath`
    /// (`git bundle create` format v2 or v3): its objects, its branches and HEAD.
    ///
    /// libgit2 has no bundle transport, so the bundle's pack is fed to the object database's
    /// pack writer directly. Bundles with prerequisites (incremental bundles) are refused.
    /// - Returns: the new repository.
    @discardableResult
    public static func clone(fromBundle bundlePath: String, to path: String, bare: Bool = true) throws(GitError) -> Repository {
        let bytes: [UInt8]
        do {
            bytes = try readFile(bundlePath)
        } catch {
            throw GitError(code: .notFound, message: "could not read the bundle '\(bundlePath)'")
        }
        let bundle = try BundleHeader(bytes, source: bundlePath)
        let repository = try create(at: path, bare: bare)
        try repository.writePack(bytes[bundle.packOffset...], source: bundlePath)
        for (name, id) in bundle.references where name.hasPrefix("refs/") {
            var oid = id.raw
            var reference: OpaquePointer?
            try check(git_reference_create(&reference, repository.raw, name, &oid, 1, "bundle"),
                      "git_reference_create", "could not create '\(name)' from the bundle '\(bundlePath)'")
            git_reference_free(reference)
        }
        let headID = bundle.references.first { $0.name == "HEAD" }?.id
        let branches = bundle.references.filter { $0.name.hasPrefix("refs/heads/") }
        if let target = branches.first(where: { $0.id == headID && $0.name == "refs/heads/main" })
            ?? branches.first(where: { $0.id == headID }) ?? branches.first {
            try check(git_repository_set_head(repository.raw, target.name), "git_repository_set_head",
                      "could not point HEAD at '\(target.name)' in '\(path)'")
        }
        return repository
    }

    private func writePack(_ pack: ArraySlice<UInt8>, source: String) throws(GitError) {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, raw), "git_repository_odb", "could not open the object database of '\(path)'")
        defer { git_odb_free(odb) }
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack",
                  "could not start writing the pack of '\(source)'")
        guard let writer else { throw GitError(code: .other, message: "no pack writer for '\(source)'") }
        defer { writer.pointee.free(writer) }
        var stats = git_indexer_progress()
        let appended = pack.withUnsafeBytes { buffer in
            writer.pointee.append(writer, buffer.baseAddress, buffer.count, &stats)
        }
        try check(appended, "git_odb_writepack.append", "the pack in '\(source)' is damaged")
        try check(writer.pointee.commit(writer, &stats), "git_odb_writepack.commit", "the pack in '\(source)' is damaged")
    }
}

/// The text header of a git bundle: references, then a blank line, then a pack.
private struct BundleHeader {
    var references: [(name: String, id: ObjectID)] = []
    var packOffset = 0

    init(_ bytes: [UInt8], source: String) throws(GitError) {
        var position = 0
        var lineNumber = 0
        while true {
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw GitError(code: .invalidData, message: "'\(source)' is not a git bundle (no end of header)")
            }
            let line = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end + 1
            lineNumber += 1
            if lineNumber == 1 {
                guard line == "# v2 git bundle" || line == "# v3 git bundle" else {
                    throw GitError(code: .invalidData, message: "'\(source)' is not a git bundle (header '\(line.prefix(40))')")
                }
                continue
            }
            if line.isEmpty { break }
            if line.hasPrefix("@") { continue }  // v3 capability
            if line.hasPrefix("-") {
                throw GitError(code: .invalidData, message: "'\(source)' is an incremental bundle; it needs commits it does not contain")
            }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let id = ObjectID(hex: String(parts[0])) else {
                throw GitError(code: .invalidData, message: "'\(source)' has a malformed reference line \(lineNumber)")
            }
            references.append((String(parts[1]), id))
        }
        packOffset = position
    }
}

/// The whole file at `path`, read with the C library (GitKit does not depend on Foundation).
private func readFile(_ path: String) throws -> [UInt8] {
    struct ReadError: Error {}
    guard let file = fopen(path, "rb") else { throw ReadError() }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < chunk.count { break }
    }
    guard ferror(file) == 0 else { throw ReadError() }
    return bytes
}
