import CGit2

/// An error from libgit2, with what seekgpu was doing when it happened.
///
/// `code` says what kind of failure it is, `message` names the repository, path or object
/// involved, and `cause` keeps libgit2's own return code and error text.
public struct GitError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kind of a ``GitError``; compare with the static members (`.notFound`, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable {
            case notFound, authentication, nonFastForward, rejected, invalidData, unbornHead, other
        }
        private let kind: Kind
        /// An object, reference, path or repository does not exist (`GIT_ENOTFOUND`).
        public static let notFound = Code(kind: .notFound)
        /// The remote refused the credentials (`GIT_EAUTH`).
        public static let authentication = Code(kind: .authentication)
        /// A push was rejected because the remote has commits the local branch lacks (`GIT_ENONFASTFORWARD`).
        public static let nonFastForward = Code(kind: .nonFastForward)
        /// The remote refused to update a reference for another reason (a hook, a protected branch, …);
        /// the message names the reference and the server's status text.
        public static let rejected = Code(kind: .rejected)
        /// Stored data is not what it should be (for example a blob where a tree was expected).
        public static let invalidData = Code(kind: .invalidData)
        /// HEAD points to a branch that has no commit yet.
        public static let unbornHead = Code(kind: .unbornHead)
        /// Any other libgit2 failure; `cause` has the details.
        public static let other = Code(kind: .other)

        public var description: String {
            switch kind {
            case .notFound: "not found"
            case .authentication: "authentication failed"
            case .nonFastForward: "non-fast-forward"
            case .rejected: "rejected by the remote"
            case .invalidData: "invalid data"
            case .unbornHead: "unborn HEAD"
            case .other: "libgit2 error"
            }
        }

        static func from(status: Int32) -> Code {
            switch status {
            case GIT_ENOTFOUND.rawValue: .notFound
            case GIT_EAUTH.rawValue: .authentication
            case GIT_ENONFASTFORWARD.rawValue: .nonFastForward
            case GIT_EUNBORNBRANCH.rawValue: .unbornHead
            default: .other
            }
        }
    }

    /// What libgit2 itself reported: the function, its return code and `git_error_last()` text.
    public struct Cause: Sendable, Equatable, CustomStringConvertible {
        /// The libgit2 function that failed, e.g. `git_repository_open_ext`.
        public var call: String
        /// Its negative return code, e.g. -3 for `GIT_ENOTFOUND`.
        public var status: Int32
        /// The text of `git_error_last()` right after the call, if any.
        public var text: String?

        public var description: String {
            "\(call) returned \(status)" + (text.map { ": \($0)" } ?? "")
        }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed, naming the repository, path or object.
    public var message: String
    /// libgit2's own report, when the failure came from a libgit2 call.
    public var cause: Cause?

    /// Creates an error; `cause` is nil for failures detected by seekgpu itself.
    public init(code: Code, message: String, cause: Cause? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        cause.map { "\(message) (\($0))" } ?? message
    }
}

/// The one place where a libgit2 return code becomes a Swift error.
///
/// Copies `git_error_last()` at once, before any other libgit2 call can replace it.
@discardableResult
func check(_ status: Int32, _ call: String, _ message: @autoclosure () -> String) throws(GitError) -> Int32 {
    guard status < 0 else { return status }
    var text: String?
    if let last = git_error_last(), let raw = last.pointee.message {
        text = String(cString: raw).trimmingCharacters(in: .newlines)
    }
    throw GitError(code: .from(status: status), message: message(),
                   cause: GitError.Cause(call: call, status: status, text: text))
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

private extension Set where Element == Character {
    static let newlines: Set<Character> = ["\n", "\r", "\r\n"]
}
