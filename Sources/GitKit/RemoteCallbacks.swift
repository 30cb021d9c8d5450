import CGit2
#if canImport(Glibc)
import Glibc
#endif

/// What the libgit2 remote callbacks saw during one fetch, push or clone.
///
/// Passed to the C callbacks as their payload (unretained; the caller keeps it alive with
/// `withExtendedLifetime`). Used by one thread only, for the duration of one libgit2 call.
final class RemoteCallbackState {
    let credentials: Credentials
    /// URLs the credentials were already offered for.
    private(set) var offeredURLs: Set<String> = []
    /// The remote asked again after the credentials were offered: they were refused.
    private(set) var credentialsRefused = false
    /// The remote asked for credentials and there were none (or none of an allowed type).
    private(set) var credentialsMissing = false
    /// References the server refused to update during a push, with its status text.
    private(set) var rejectedReferences: [(reference: String, status: String)] = []

    init(credentials: Credentials) {
        self.credentials = credentials
    }

    /// `git_remote_callbacks` pointing at this state; valid while `self` is alive.
    func makeCallbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.credentials = acquireCredential
        callbacks.push_update_reference = recordPushUpdate
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        return callbacks
    }

    /// Decides what to answer when the remote at `url` asks for credentials.
    fileprivate func credential(for url: String, allowedTypes: UInt32,
                                _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>) -> Int32 {
        guard let token = credentials.secret,
              allowedTypes & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else {
            credentialsMissing = true
            return GIT_PASSTHROUGH.rawValue
        }
        // libgit2 asks again and again while the server answers 401; one offer per URL is enough.
        guard offeredURLs.insert(url).inserted else {
            credentialsRefused = true
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "the remote refused the credentials")
            return GIT_EAUTH.rawValue
        }
        return git_credential_userpass_plaintext_new(out, Credentials.tokenUserName, token)
    }

    fileprivate func recordRejection(reference: String, status: String) {
        rejectedReferences.append((reference, status))
    }
}

private func acquireCredential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?,
                               _ url: UnsafePointer<CChar>?, _ userNameFromURL: UnsafePointer<CChar>?,
                               _ allowedTypes: UInt32, _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
    let state = Unmanaged<RemoteCallbackState>.fromOpaque(payload).takeUnretainedValue()
    return state.credential(for: url.map { String(cString: $0) } ?? "", allowedTypes: allowedTypes, out)
}

/// Called once per pushed reference; a non-NULL status is the server's reason for refusing it.
private func recordPushUpdate(_ reference: UnsafePointer<CChar>?, _ status: UnsafePointer<CChar>?,
                              _ payload: UnsafeMutableRawPointer?) -> Int32 {
    guard let payload, let status else { return 0 }
    let state = Unmanaged<RemoteCallbackState>.fromOpaque(payload).takeUnretainedValue()
    state.recordRejection(reference: reference.map { String(cString: $0) } ?? "?", status: String(cString: status))
    return 0
}

/// Calls `body` with a `git_strarray` holding copies of `strings`, freed afterwards.
func withStringArray<Result>(_ strings: [String], _ body: (UnsafeMutablePointer<git_strarray>) -> Result) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}
