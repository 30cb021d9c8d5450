import CGit2

/// A git object id (SHA-1), usable as a dictionary key.
///
/// A plain Swift value: it holds no libgit2 memory and can cross tasks freely.
public struct ObjectID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 20 raw bytes of the SHA-1, in order, packed big-endian.
    private let high: UInt64, middle: UInt64, low: UInt32

    init(_ oid: git_oid) {
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        withUnsafeBytes(of: oid.id) { raw in
            for i in 0..<8 { h = h << 8 | UInt64(raw[i]) }
            for i in 8..<16 { m = m << 8 | UInt64(raw[i]) }
            for i in 16..<20 { l = l << 8 | UInt32(raw[i]) }
        }
        high = h; middle = m; low = l
    }

    /// Parses a 40-character hexadecimal object id; nil if `hex` is not one.
    public init?(hex: String) {
        guard hex.utf8.count == 40 else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for i in 0..<8 { raw[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i))) }
            for i in 0..<8 { raw[8 + i] = UInt8(truncatingIfNeeded: middle >> (56 - 8 * UInt64(i))) }
            for i in 0..<4 { raw[16 + i] = UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt32(i))) }
        }
        return oid
    }

    /// The 40-character lowercase hexadecimal form.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(40)
        for (word, bytes) in [(high, 8), (middle, 8), (UInt64(low), 4)] {
            for i in stride(from: bytes - 1, through: 0, by: -1) {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i)))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xf)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first 8 hexadecimal digits, as used in messages.
    public var short: String { String(hex.prefix(8)) }

    public var description: String { hex }

    public static func < (a: ObjectID, b: ObjectID) -> Bool {
        (a.high, a.middle, a.low) < (b.high, b.middle, b.low)
    }
}
