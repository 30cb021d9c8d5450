import NetKit
import Testing

struct NetErrorTests {
    @Test(arguments: [
        ("https://user:pass@example.com/a/b?token=x#frag", "https://example.com/a/b"),
        ("http://127.0.0.1:8080/aws/version", "http://127.0.0.1:8080/aws/version"),
        ("https://example.com?key=1", "https://example.com"),
        ("https://me@example.com:8443/p@th?q", "https://example.com:8443/p@th"),
        ("file:///tmp/x.json?v=1", "file:///tmp/x.json"),
        ("/relative/path?secret=1", "/relative/path"),
    ])
    func urlDropsCredentialsQueryAndFragment(given: String, expected: String) {
        #expect(NetError(code: .other, url: given, message: "m").url == expected)
    }

    @Test func curlMessageHasTheURLSecretsBlankedOut() {
        let error = NetError(code: .connectionFailed, url: "https://bob:hunter22@h.example/x?api_key=k3y-v4lue",
                             message: "could not connect", curlCode: 7,
                             curlMessage: "failed for bob:hunter22@h.example/x?api_key=k3y-v4lue and hunter22 and k3y-v4lue")
        #expect(!error.description.contains("hunter22"))
        #expect(!error.description.contains("k3y-v4lue"))
        #expect(!error.description.contains("api_key"))
    }

    @Test func shortQueryValuesDoNotMangleTheMessage() {
        let error = NetError(code: .connectionFailed, url: "http://127.0.0.1:9/x?page=1", message: "m", curlCode: 7,
                             curlMessage: "Failed to connect to 127.0.0.1 port 9")
        #expect(error.curlMessage == "Failed to connect to 127.0.0.1 port 9")
    }

    @Test func descriptionNamesMethodURLMessageAndCurlCause() {
        let error = NetError(code: .connectionFailed, url: "http://127.0.0.1:1234/aws/version",
                             message: "connection refused", curlCode: 7,
                             curlMessage: "Failed to connect to 127.0.0.1 port 1234: Connection refused")
        #expect(error.description == "GET http://127.0.0.1:1234/aws/version failed: connection refused "
            + "(curl 7: Failed to connect to 127.0.0.1 port 1234: Connection refused)")
    }

    @Test func descriptionOmitsTheCauseWithoutCurl() {
        #expect(NetError(code: .other, url: "http://h/x", message: "m").description == "GET http://h/x failed: m")
    }

    @Test func codesAreDistinctAndDescribed() {
        let codes: [NetError.Code] = [.connectionFailed, .timedOut, .tooLarge, .tls, .other]
        #expect(Set(codes).count == 5)
        #expect(codes.map(\.description) == ["connection failed", "timed out", "too large", "TLS failure",
                                             "transfer failed"])
    }

    @Test func onlyTooLargeAndUnfixableErrorsAreNotRetryable() {
        #expect(!NetError(code: .tooLarge, url: "u", message: "m", curlCode: 63).isRetryable)
        #expect(!NetError(code: .other, url: "u", message: "m", curlCode: 3).isRetryable)
        #expect(NetError(code: .timedOut, url: "u", message: "m", curlCode: 28).isRetryable)
        #expect(NetError(code: .tls, url: "u", message: "m", curlCode: 35).isRetryable)
        #expect(NetError(code: .other, url: "u", message: "m", curlCode: 18).isRetryable)
    }
}
