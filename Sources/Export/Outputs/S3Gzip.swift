import CSeekZlib

/// gzip (RFC 1952) compression of an upload body, over zlib.
///
/// Internal to the S3 output; the local output has its own helper, and the two may be merged later.
enum S3Gzip {
    /// Failure of a zlib call, with zlib's return code.
    struct Failure: Error, CustomStringConvertible {
        /// The zlib call, e.g. `deflate`.
        var call: String
        /// zlib's return code (`Z_STREAM_ERROR` = -2, `Z_MEM_ERROR` = -4, …).
        var code: Int32
        var description: String { "gzip compression failed: \(call) returned \(code)" }
    }

    /// `bytes` as one gzip member (default compression level, no file name, modification time 0).
    /// - Parameter bytes: the data.
    /// - Returns: the gzip bytes.
    /// - Throws: ``Failure`` when zlib cannot allocate its state.
    static func compress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initialised = seekgpu_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION)
        guard initialised == Z_OK else { throw Failure(call: "deflateInit2", code: initialised) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(call: "deflate", code: status) }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
