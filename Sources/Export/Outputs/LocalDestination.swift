import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `local` output: one file per run under `path`, named by `filename_pattern`, optionally gzipped.
///
/// A relative `path` is resolved against ``ExportContext/baseDirectory`` (the current directory by default). With
/// `compression: gzip`, `.gz` is appended to the name unless it already ends in `.gz`, as gpuport does.
///
/// The bytes go to a hidden temporary file beside the target, then into place in one step, so a
/// reader never sees a partial file: `rename` when `overwrite` is true, else `link` (which fails
/// atomically when the target exists, so two runs can never both "create" it). The temporary file
/// is removed whatever happens.
public struct LocalDestination: ExportDestination {
    /// The output's settings.
    public var config: LocalOutputConfig

    /// Creates the destination.
    public init(config: LocalOutputConfig) { self.config = config }

    public var label: String { config.path }

    public func deliver(_ payload: ExportPayload, context: ExportContext) async throws -> String {
        var bytes = try payload.bytes()
        if config.compression == .gzip { bytes = try Gzip.compress(bytes) }
        let name = Self.fileName(config, at: context.runTime)
        let target = Self.directory(config.path, in: context.baseDirectory).appendingPathComponent(name)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard config.createDirs else {
                throw LocalOutputError("directory '\(directory.path)' does not exist; create it or set create_dirs: true")
            }
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw LocalOutputError("cannot create directory '\(directory.path)' (\(error.localizedDescription))")
            }
        } else if !isDirectory.boolValue {
            throw LocalOutputError("'\(directory.path)' is not a directory")
        }
        try Self.write(bytes, to: target, overwrite: config.overwrite)
        return target.path
    }

    /// The rendered file name (with `/` for folders): `.gz` appended for gzip unless the name ends in it.
    /// - Parameters:
    ///   - config: the output's settings.
    ///   - date: the run time.
    /// - Returns: the name under `path`.
    public static func fileName(_ config: LocalOutputConfig, at date: Date) -> String {
        let name = FilenamePattern.render(config.filenamePattern, date: date)
        return config.compression == .gzip && !name.hasSuffix(".gz") ? name + ".gz" : name
    }

    /// `path` as a directory URL: as it is when absolute, else under `base` (or the current directory).
    static func directory(_ path: String, in base: URL?) -> URL {
        guard !path.hasPrefix("/"), let base else { return URL(fileURLWithPath: path) }
        return base.appendingPathComponent(path).standardizedFileURL
    }

    /// Writes `bytes` to `target` through a temporary file in the same directory.
    static func write(_ bytes: [UInt8], to target: URL, overwrite: Bool) throws {
        let directory = target.deletingLastPathComponent().path
        if !overwrite && FileManager.default.fileExists(atPath: target.path) { throw existsError(target) }
        let temporary = "\(directory)/.\(target.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw systemError("cannot create a temporary file in '\(directory)'") }
        defer { unlink(temporary) }  // after rename/link it names nothing, or the second link of the target
        var offset = 0
        let written: Bool = bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let writeErrno = errno
        close(descriptor)
        guard written else {
            errno = writeErrno
            throw systemError("cannot write '\(temporary)'")
        }
        if overwrite {
            guard rename(temporary, target.path) == 0 else { throw systemError("cannot move the file into place at '\(target.path)'") }
        } else if link(temporary, target.path) != 0 {
            if errno == EEXIST { throw existsError(target) }
            throw systemError("cannot move the file into place at '\(target.path)'")
        }
    }

    private static func existsError(_ target: URL) -> LocalOutputError {
        LocalOutputError("'\(target.path)' already exists; set overwrite: true, or add a placeholder such as {time} to filename_pattern")
    }

    private static func systemError(_ message: String) -> LocalOutputError {
        LocalOutputError("\(message): \(String(cString: strerror(errno))) (errno \(errno))")
    }
}

/// Why a `local` output could not write its file.
public struct LocalOutputError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the path.
    public var message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}
