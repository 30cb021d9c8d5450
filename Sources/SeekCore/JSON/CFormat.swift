import Foundation

/// Thin wrapper around the C library's `vsnprintf`, whose floating-point conversions are exact
/// (correctly rounded from the binary value, ties to even), matching Python's own formatting.
enum CFormat {
    /// Formats `arguments` with a printf-style `format`. A locale decimal comma is mapped back to
    /// `.` defensively (Swift programs run in the "C" numeric locale unless they call `setlocale`).
    static func format(_ format: String, _ arguments: CVarArg...) -> String {
        var capacity = 128
        while true {
            var storage = [CChar](repeating: 0, count: capacity)
            let written = storage.withUnsafeMutableBufferPointer { buffer in
                withVaList(arguments) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
            }
            guard written >= 0 else { return "" }
            if Int(written) < capacity {
                let bytes = storage[0..<Int(written)].map { $0 == 0x2C ? UInt8(ascii: ".") : UInt8(bitPattern: $0) }
                return String(decoding: bytes, as: UTF8.self)
            }
            capacity = Int(written) + 1
        }
    }
}
