import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atomic whole-file writes: readers see either the old or the new contents, never a partial file.
///
/// The bytes go to a unique hidden temporary file in the target's directory
/// (`.<name>.<random>.tmp`), which is then renamed over the target with POSIX `rename`.
/// A replaced file keeps its permission bits; new files get `0666 & ~umask`.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically, creating missing parent directories. With `sync`
    /// the data is flushed to disk (`fsync`) before the rename. The temporary file is removed
    /// if anything fails.
    public static func write(_ bytes: [UInt8], to url: URL, sync: Bool = false) throws(FileWriteError) {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        try makeDirectories(directory, for: path)

        let (descriptor, temporaryPath) = try createTemporaryFile(in: directory, for: url.lastPathComponent, target: path)
        var renamed = false
        defer {
            if !renamed { _ = unlink(temporaryPath) }
        }
        do throws(FileWriteError) {
            try writeAll(bytes, to: descriptor, path: path)
            if sync && fsync(descriptor) != 0 {
                throw systemError(path, "fsync")
            }
        } catch {
            _ = close(descriptor)
            throw error
        }
        if close(descriptor) != 0 {
            throw systemError(path, "close")
        }
        if rename(temporaryPath, path) != 0 {
            throw systemError(path, "rename")
        }
        renamed = true
    }

    /// Writes `bytes` to `url` atomically unless the file already holds exactly these bytes, in
    /// which case the file (and its modification time) is left alone. Returns `true` if it wrote.
    @discardableResult
    public static func writeIfChanged(_ bytes: [UInt8], to url: URL, sync: Bool = false) throws(FileWriteError) -> Bool {
        if fileContents(atPath: url.path, equal: bytes) {
            return false
        }
        try write(bytes, to: url, sync: sync)
        return true
    }

    // MARK: Steps

    /// `mkdir -p`, reporting the first directory that could not be created.
    private static func makeDirectories(_ directory: String, for target: String) throws(FileWriteError) {
        if directory.isEmpty || isDirectory(directory) { return }
        let parent = (directory as NSString).deletingLastPathComponent
        if parent != directory && !parent.isEmpty {
            try makeDirectories(parent, for: target)
        }
        if mkdir(directory, 0o777) != 0 {
            var code = errno
            if code == EEXIST {
                if isDirectory(directory) { return }  // created concurrently
                code = ENOTDIR  // a non-directory is in the way
            }
            throw FileWriteError(
                path: target, operation: "create directory \(directory)", code: code, reason: errorText(code))
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `.<name>.<random>.tmp` next to the target with `O_EXCL`, retrying on name clashes.
    private static func createTemporaryFile(
        in directory: String, for name: String, target: String
    ) throws(FileWriteError) -> (Int32, String) {
        var existing = stat()
        let targetMode: mode_t? = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : nil
        var attempts = 0
        while true {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporaryName = ".\(name).\(suffix).tmp"
            let temporaryPath = directory.isEmpty ? temporaryName : directory + "/" + temporaryName
            let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                if let targetMode, fchmod(descriptor, targetMode) != 0 {
                    let failure = systemError(target, "chmod")
                    _ = close(descriptor)
                    _ = unlink(temporaryPath)
                    throw failure
                }
                return (descriptor, temporaryPath)
            }
            let code = errno
            attempts += 1
            if code != EEXIST || attempts >= 16 {
                throw FileWriteError(
                    path: target, operation: "create temporary file", code: code, reason: errorText(code))
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError) {
        let failureCode: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return nil }
                let written = posixWrite(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failureCode {
            throw FileWriteError(path: path, operation: "write", code: failureCode, reason: errorText(failureCode))
        }
    }

    /// `true` when `path` is a regular file whose contents are exactly `bytes`.
    private static func fileContents(atPath path: String, equal bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0,
            (info.st_mode & S_IFMT) == S_IFREG,
            Int(info.st_size) == bytes.count
        else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let complete: Bool = existing.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return false }
                let got = read(descriptor, base + offset, raw.count - offset)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { return false }
                offset += got
            }
            return true
        }
        guard complete else { return false }
        return existing.withUnsafeBytes { lhs in
            bytes.withUnsafeBytes { rhs in
                guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return lhs.count == rhs.count }
                return memcmp(left, right, lhs.count) == 0
            }
        }
    }

    private static func systemError(_ path: String, _ operation: String) -> FileWriteError {
        let code = errno
        return FileWriteError(path: path, operation: operation, code: code, reason: errorText(code))
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// POSIX `write(2)`, reachable by name outside `AtomicFile` (whose `write` would shadow it).
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
