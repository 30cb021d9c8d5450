import Foundation
import GitKit
import Testing
import TestSupport

@Suite struct CredentialsTests {
    @Test func aTokenNeverShowsInDescriptionsOrMirrors() {
        let credentials = Credentials.token("ghs_secret123")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)", dumped] {
            #expect(!text.contains("ghs_secret123"), "\(text)")
        }
    }

    @Test(arguments: [
        ("https://x-access-token:abc@github.com/o/r.git", "https://github.com/o/r.git"),
        ("http://user@127.0.0.1:8080/r.git", "http://127.0.0.1:8080/r.git"),
        ("https://github.com/o/r.git", "https://github.com/o/r.git"),
        ("/tmp/origin.git", "/tmp/origin.git"),
    ])
    func urlsLoseTheirUserInfo(url: String, expected: String) {
        #expect(redactedURL(url) == expected)
    }

    @Test func aTokenInsideTheRemoteURLStaysOutOfTheError() throws {
        let dir = try TemporaryDirectory()
        let repo = try Repository.create(at: dir.path("work"), bare: false)
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
        try repo.addRemote(name: "origin", url: "http://x-access-token:tok_in_url@127.0.0.1:9/r.git")
        let error = #expect(throws: GitError.self) {
            try repo.fetch(remote: "origin", credentials: .token("tok_given"))
        }
        let text = String(describing: try #require(error))
        #expect(!text.contains("tok_in_url"), "\(text)")
        #expect(!text.contains("tok_given"), "\(text)")
        #expect(text.contains("127.0.0.1:9"), "\(text)")
    }
}
