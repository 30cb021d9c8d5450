@preconcurrency import CSeekZlib

/// gzip (RFC 1952) through zlib. The header has no file name and modification time 0, so the same
/// bytes always compress to the same file.
public enum Gzip {
    /// Why zlib refused.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The zlib call.
        public var call: String
        /// Its return code.
        public var code: Int32
        public var description: String { "\(call) failed (zlib code \(code))" }
    }

    /// `bytes` compressed at zlib's default level.
    public static func compress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initCode = seekgpu_deflate_init_gzip(&stream, Z_DEFAULT_COMPRESSION)
        guard initCode == Z_OK else { throw Failure(call: "deflateInit2", code: initCode) }
        defer { deflateEnd(&stream) }
        return try run(&stream, input: bytes, finish: Z_FINISH) { deflate($0, $1) }
    }

    /// The bytes inside a gzip stream.
    public static func decompress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initCode = seekgpu_inflate_init_gzip(&stream)
        guard initCode == Z_OK else { throw Failure(call: "inflateInit2", code: initCode) }
        defer { inflateEnd(&stream) }
        return try run(&stream, input: bytes, finish: Z_NO_FLUSH) { inflate($0, $1) }
    }

    /// Feeds `input` through `step` until zlib reports the end of the stream.
    private static func run(_ stream: inout z_stream, input: [UInt8], finish: Int32,
                            step: (UnsafeMutablePointer<z_stream>, Int32) -> Int32) throws(Failure) -> [UInt8] {
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var code: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    code = withUnsafeMutablePointer(to: &stream) { step($0, finish) }
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                }
            } while code == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0 || finish == Z_FINISH)
            stream.next_in = nil
        }
        guard code == Z_STREAM_END else {
            throw Failure(call: finish == Z_FINISH ? "deflate" : "inflate", code: code)
        }
        return output
    }
}
