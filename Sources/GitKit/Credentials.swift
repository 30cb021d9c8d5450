/// How to authenticate to a remote when fetching, pushing or cloning.
///
/// A token is sent the way GitHub expects it over HTTP(S): HTTP Basic auth with the user name
/// `x-access-token` (``Credentials/tokenUserName``) and the token as the password. It is offered
/// once per URL; if the remote refuses it the operation fails with
/// ``GitError/Code-swift.struct/authentication`` instead of asking again.
///
/// The token never appears in a description, a debug description, a mirror or an error.
public enum Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// No credentials: anonymous access (local paths, public HTTP remotes).
    case none
    /// An access token (e.g. a GitHub App or `GITHUB_TOKEN` token) for HTTP(S) remotes.
    case token(String)

    /// The user name sent with a token, as GitHub expects it.
    public static let tokenUserName = "x-access-token"

    /// The secret to keep out of messages, if any (never an empty string).
    var secret: String? {
        if case .token(let token) = self, !token.isEmpty { return token }
        return nil
    }

    public var description: String {
        switch self {
        case .none: "no credentials"
        case .token: "token (redacted)"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
}

/// `url` without a `user:password@` part, safe to put in a message.
///
/// `https://x:secret@example.com/a.git` becomes `https://example.com/a.git`; local paths and
/// URLs without user info are returned unchanged.
public func redactedURL(_ url: String) -> String {
    removingUserInfo(from: url)
}

/// `text` with the user info of every URL in it removed and every occurrence of `secret` masked.
func redacted(_ text: String, secret: String?) -> String {
    var result = removingUserInfo(from: text)
    if let secret, !secret.isEmpty {
        result = result.replacing(secret, with: "***")
    }
    return result
}

/// Removes `user[:password]@` after every `://` in `text`.
private func removingUserInfo(from text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let scheme = rest.firstRange(of: "://") {
        output += rest[..<scheme.upperBound]
        rest = rest[scheme.upperBound...]
        // The authority ends at the first '/', whitespace or quote; user info ends at its last '@'.
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\n" }
            ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@") {
            rest = rest[rest.index(after: at)...]
        }
    }
    return output + rest
}

extension GitError {
    /// The same error with URL user info and `secret` removed from its message and cause.
    func redacting(_ secret: String?) -> GitError {
        var copy = self
        copy.message = redacted(message, secret: secret)
        copy.cause?.text = cause?.text.map { redacted($0, secret: secret) }
        return copy
    }
}
