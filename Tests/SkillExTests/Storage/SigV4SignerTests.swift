import Foundation
import Testing
@testable import SkillEx

/// Vectors from AWS's SigV4 test suite (service `service`) and botocore-computed S3 cases.
@Suite struct SigV4SignerTests {
    static let credentials = StorageCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let amzDate = "20150830T123600Z"
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")

    func request(_ method: String, _ path: String = "/", query: [(String, String)] = [], headers: [String: String] = [:])
        -> SigV4Signer.Request
    {
        var all = ["Host": "example.amazonaws.com", "X-Amz-Date": Self.amzDate]
        all.merge(headers) { _, new in new }
        return .init(method: method, path: path, query: query, headers: all, payloadHash: Self.emptyHash)
    }

    @Test func getVanillaCanonicalRequestStringToSignAndSignature() {
        let req = request("GET")
        let canonical = signer.canonicalRequest(req)
        #expect(canonical == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(Self.emptyHash)")
        let toSign = signer.stringToSign(canonicalRequest: canonical, amzDate: Self.amzDate)
        #expect(toSign == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
            """)
        #expect(signer.signature(stringToSign: toSign, amzDate: Self.amzDate)
            == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(
            signer.authorization(req, amzDate: Self.amzDate)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func queryOrderKeyCase() {
        let req = request("GET", query: [("Param2", "value2"), ("Param1", "value1")])
        #expect(signer.canonicalRequest(req).split(separator: "\n", omittingEmptySubsequences: false)[2]
            == "Param1=value1&Param2=value2")
        #expect(signer.authorization(req, amzDate: Self.amzDate).hasSuffix(
            "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))
    }

    @Test func postVanillaAndHeaderKeySort() {
        #expect(signer.authorization(request("POST"), amzDate: Self.amzDate).hasSuffix(
            "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"))
        let sorted = request("POST", headers: ["My-Header1": "value1"])
        #expect(signer.authorization(sorted, amzDate: Self.amzDate).hasSuffix(
            "SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"))
    }

    @Test func headerValuesAreTrimmedAndSpacesCollapsed() {
        let req = request("GET", headers: ["My-Header1": "  a   b   c  "])
        #expect(signer.canonicalRequest(req).contains("\nmy-header1:a b c\n"))
    }

    @Test func s3UnicodeKeyIsEncodedOnce() {
        let s3 = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3")
        var headers = ["Host": "example.amazonaws.com", "X-Amz-Date": Self.amzDate]
        headers["x-amz-content-sha256"] = Self.emptyHash
        let req = SigV4Signer.Request(method: "GET", path: "/bucket/\u{1234}", headers: headers, payloadHash: Self.emptyHash)
        #expect(s3.canonicalRequest(req).hasPrefix("GET\n/bucket/%E1%88%B4\n"))
        #expect(s3.authorization(req, amzDate: Self.amzDate).hasSuffix(
            "Signature=b4a7dda063e90359c0fdd54c5f98bd0611e13c5c1ff6551fd85a79ef7af46c01"))
        #expect(SigV4Signer.canonicalURI("/b/example space/a+b") == "/b/example%20space/a%2Bb")
    }

    @Test func presignedQueryCarriesCredentialScopeAndSignature() throws {
        let s3 = SigV4Signer(credentials: Self.credentials, region: "auto", service: "s3")
        let date = try #require(ISO8601DateFormatter().date(from: "2015-08-30T12:36:00Z"))
        let query = s3.presignedQuery(host: "acct.r2.cloudflarestorage.com", path: "/bucket/pack.zip", date: date, expires: 600)
        let fields = Dictionary(uniqueKeysWithValues: query.split(separator: "&").map {
            let pair = $0.split(separator: "=", maxSplits: 1)
            return (String(pair[0]), String(pair.count > 1 ? pair[1] : ""))
        })
        #expect(fields["X-Amz-Credential"] == "AKIDEXAMPLE%2F20150830%2Fauto%2Fs3%2Faws4_request")
        #expect(fields["X-Amz-Expires"] == "600")
        #expect(fields["X-Amz-SignedHeaders"] == "host")
        #expect(fields["X-Amz-Signature"]?.count == 64)
        // Same inputs, same signature; a different expiry changes it.
        #expect(query == s3.presignedQuery(host: "acct.r2.cloudflarestorage.com", path: "/bucket/pack.zip", date: date, expires: 600))
        #expect(query != s3.presignedQuery(host: "acct.r2.cloudflarestorage.com", path: "/bucket/pack.zip", date: date, expires: 601))
    }

    @Test func sessionTokenIsSignedAndCredentialsNeverPrinted() {
        let creds = StorageCredentials(accessKeyID: "AKID", secretAccessKey: "SECRETVALUE", sessionToken: "TOKENVALUE")
        let s3 = SigV4Signer(credentials: creds, region: "us-east-1", service: "s3")
        let headers = s3.sign(
            .init(method: "GET", path: "/b/k", headers: ["host": "h"], payloadHash: Self.emptyHash),
            date: Date(timeIntervalSince1970: 0))
        #expect(headers["x-amz-security-token"] == "TOKENVALUE")
        #expect(headers["Authorization"]?.contains("x-amz-security-token") == true)
        #expect(!"\(creds)".contains("SECRETVALUE") && !"\(creds)".contains("TOKENVALUE"))
    }
}
