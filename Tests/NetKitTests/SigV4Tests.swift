import Foundation
@testable import NetKit
import Testing

/// AWS Signature Version 4 against the examples of the Amazon S3 API reference ("Signature Calculations for the
/// Authorization Header: Transferring Payload in a Single Chunk", examplebucket, 2013-05-24).
struct SigV4Tests {
    static let signer = SigV4Signer(
        credentials: .init(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "s3")
    /// 2013-05-24T00:00:00Z.
    static let date = Date(timeIntervalSince1970: 1_369_353_600)

    @Test func signsTheDocumentedGetObjectExample() {
        var request = HTTPRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt",
                                  headers: [(name: "Range", value: "bytes=0-9")])
        Self.signer.sign(&request, at: Self.date)
        #expect(request.header("x-amz-content-sha256") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(request.header("x-amz-date") == "20130524T000000Z")
        #expect(request.header("Host") == "examplebucket.s3.amazonaws.com")
        #expect(request.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func buildsTheDocumentedCanonicalRequestForGetObject() {
        let canonical = SigV4Signer.canonicalRequest(
            method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt",
            headers: [(name: "Host", value: "examplebucket.s3.amazonaws.com"), (name: "Range", value: "bytes=0-9"),
                      (name: "x-amz-content-sha256", value: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                      (name: "x-amz-date", value: "20130524T000000Z")],
            payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(canonical.text == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        let toSign = SigV4Signer.stringToSign(amzDate: "20130524T000000Z", scope: "20130524/us-east-1/s3/aws4_request",
                                              canonicalRequest: canonical.text)
        #expect(toSign.hasSuffix("\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"))
    }

    @Test func signsTheDocumentedPutObjectExample() {
        var request = HTTPRequest(method: "PUT", url: "https://examplebucket.s3.amazonaws.com/test$file.text",
                                  headers: [(name: "Date", value: "Fri, 24 May 2013 00:00:00 GMT"),
                                            (name: "x-amz-storage-class", value: "REDUCED_REDUNDANCY")],
                                  body: Array("Welcome to Amazon S3.".utf8))
        Self.signer.sign(&request, at: Self.date)
        #expect(request.header("x-amz-content-sha256") == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        #expect(request.header("Authorization") == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
            + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func signsTheDocumentedQueryExamples() {
        var lifecycle = HTTPRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/?lifecycle")
        Self.signer.sign(&lifecycle, at: Self.date)
        #expect(lifecycle.header("Authorization")?.hasSuffix(
            "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543") == true)
        var list = HTTPRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J")
        Self.signer.sign(&list, at: Self.date)
        #expect(list.header("Authorization")?.hasSuffix(
            "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7") == true)
    }

    @Test func addsTheSessionTokenAndSignsIt() {
        var signer = Self.signer
        signer.credentials.sessionToken = "token-value"
        var request = HTTPRequest(method: "PUT", url: "http://127.0.0.1:9000/bucket/key", body: [1, 2, 3])
        signer.sign(&request, at: Self.date)
        #expect(request.header("x-amz-security-token") == "token-value")
        #expect(request.header("Host") == "127.0.0.1:9000")
        #expect(request.header("Authorization")?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,") == true)
        #expect(!String(describing: signer.credentials).contains("token-value"))
        #expect(!String(describing: signer.credentials).contains("EXAMPLEKEY"))
    }

    @Test(arguments: [
        ("https://h/a b/c+d", "/a%20b/c%2Bd"), ("https://h/a%20b/%7Ex", "/a%20b/~x"), ("https://h", "/"),
        ("https://h/x/y/", "/x/y/"), ("https://h/%C3%A9t%C3%A9.json", "/%C3%A9t%C3%A9.json"),
    ])
    func encodesEachPathSegmentOnce(url: String, uri: String) {
        let text = SigV4Signer.canonicalRequest(method: "GET", url: url, headers: [], payloadHash: "h").text
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[1] == Substring(uri))
    }

    @Test func dropsTheDefaultPortFromTheHostHeader() {
        #expect(SigV4Signer.hostHeader(of: "https://b.s3.amazonaws.com:443/k") == "b.s3.amazonaws.com")
        #expect(SigV4Signer.hostHeader(of: "http://user:pw@127.0.0.1:80/k") == "127.0.0.1")
        #expect(SigV4Signer.hostHeader(of: "http://localhost:9000") == "localhost:9000")
    }
}
