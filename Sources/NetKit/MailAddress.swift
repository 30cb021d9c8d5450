/// An e-mail address with an optional display name, as used in `From:`/`To:` and in the SMTP envelope.
///
/// Only plain `local@domain` addresses are accepted (no comments, no quoted local parts, no whitespace, no
/// `<`, `>`, `,`, `;`, `"` or control characters): enough for maintainers' addresses, and no way to smuggle an
/// extra header or recipient into a message.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, `user@example.org`: the envelope's `MAIL FROM`/`RCPT TO` and the header's `<…>` part.
    public let address: String
    /// A display name shown instead of the address, e.g. `seekgpu`; nil for none. Non-ASCII names are
    /// RFC 2047-encoded in headers.
    public let name: String?

    /// Creates an address, or nil when `address` is not a plain `local@domain` address (see the type's notes) or
    /// `name` contains a line break or another control character.
    /// - Parameters:
    ///   - address: `local@domain`, surrounding spaces ignored.
    ///   - name: an optional display name.
    public init?(_ address: String, name: String? = nil) {
        let trimmed = address.trimmingSpaces()
        guard Self.isPlainAddress(trimmed) else { return nil }
        let cleanName = name?.trimmingSpaces()
        if let cleanName, cleanName.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return nil
        }
        self.address = trimmed
        self.name = cleanName?.isEmpty == false ? cleanName : nil
    }

    /// Parses `user@example.org` or `Display Name <user@example.org>` (the name may be in double quotes).
    /// - Parameter text: the address as written in a configuration value.
    /// - Returns: the address, or nil when it is not acceptable.
    public static func parse(_ text: String) -> MailAddress? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else { return MailAddress(trimmed) }
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var name = trimmed[..<open].trimmingSpaces()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return MailAddress(String(inner), name: name)
    }

    /// Parses a comma-separated list such as `a@example.org, Ops <b@example.org>`; empty items are skipped.
    /// - Parameter text: the list.
    /// - Returns: the addresses in order, or nil when any item is not acceptable.
    public static func parseList(_ text: String) -> [MailAddress]? {
        var result: [MailAddress] = []
        for item in text.split(separator: ",") where !item.trimmingSpaces().isEmpty {
            guard let address = parse(String(item)) else { return nil }
            result.append(address)
        }
        return result
    }

    /// `Name <address>` or the bare address.
    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The host part after the `@`, e.g. `example.org`.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...] }

    private static func isPlainAddress(_ text: String) -> Bool {
        let forbidden: Set<Unicode.Scalar> = ["<", ">", ",", ";", "\"", "(", ")", "[", "]", "\\", ":", " "]
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0) }),
              let at = text.lastIndex(of: "@") else {
            return false
        }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        return !local.isEmpty && !domain.isEmpty && !local.contains("@") && !domain.hasPrefix(".")
            && !domain.hasSuffix(".")
    }
}
