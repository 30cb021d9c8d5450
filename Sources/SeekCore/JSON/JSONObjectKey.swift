/// A dictionary key that hashes and compares a string by its UTF-8 bytes (code points),
/// so that canonically-equivalent but different strings stay distinct keys, as in Python.
struct JSONObjectKey: Hashable, Sendable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: JSONObjectKey, rhs: JSONObjectKey) -> Bool {
        JSONValue.scalarsEqual(lhs.string, rhs.string)
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
