import Foundation
import Testing
@testable import SkillEx

/// An S3 endpoint that echoes the request's credentials into its error answers (SkillEx issue
/// #15): no error SkillEx reports may carry the access key id, the session token or the secret.
@Suite("S3 errors never carry credentials", .serialized)
struct S3RedactionTests {
    static let keyID = "AKIAECHOEDKEYID00001"
    static let token = "IQoJb3JpZ2luX2VjE/echoed+session=token"
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET"

    /// A server answering every request with `status` and an S3 error whose code and message
    /// repeat the request's Authorization and session-token headers.
    private func echoing(_ status: Int, reason: String) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { request in
            let authorization = request.header("authorization") ?? ""
            let token = request.header("x-amz-security-token") ?? ""
            let body = "<Error><Code>Denied \(Self.keyID)</Code><Message>you sent \(authorization) with \(token)"
                + " (encoded: \(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))</Message></Error>"
            return "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/xml\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n" + body
        }
    }

    private func storage(port: Int) throws -> S3Storage {
        var config = S3Configuration(
            bucket: "bucket", prefix: "hub", endpoint: try #require(URL(string: "http://127.0.0.1:\(port)")),
            region: "us-east-1", pathStyle: true,
            credentials: StorageCredentials(accessKeyID: Self.keyID, secretAccessKey: Self.secret, sessionToken: Self.token))
        config.retry = RetryPolicy(maxAttempts: 2, baseDelay: 0, maxDelay: 0, budget: 5)
        return S3Storage(config: config)
    }

    private func expectClean(_ error: any Error, status: Int) {
        let text = ErrorText.brief(error)
        #expect(text.contains("\(status)"), "\(text)")
        #expect(text.contains(SecretRedactor.mask), "the echo must still show, masked: \(text)")
        for secret in [Self.keyID, Self.token, Self.secret, "echoed+session", "echoed%2Bsession"] {
            #expect(!text.contains(secret), "\(text)")
        }
    }

    @Test(arguments: [(403, "Forbidden"), (400, "Bad Request"), (503, "Service Unavailable")])
    func everyErrorPathIsRedacted(status: Int, reason: String) async throws {
        let server = try echoing(status, reason: reason)
        defer { server.stop() }
        let storage = try storage(port: server.port)
        do {
            _ = try await storage.get(key: "index.json")
            Issue.record("expected an error")
        } catch { expectClean(error, status: status) }
        do {
            _ = try await storage.list(prefix: "")
            Issue.record("expected an error")
        } catch { expectClean(error, status: status) }
        // The server really did receive (and echo) the credentials.
        #expect(server.requests.contains { $0.header("x-amz-security-token") == Self.token })
    }

    @Test func pullFromAnEchoingBucketNamesNoCredential() async throws {
        let server = try echoing(403, reason: "Forbidden")
        defer { server.stop() }
        let source = StoragePackSource(storage: try storage(port: server.port))
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-s3-\(UUID().uuidString)")
        do {
            _ = try await Puller(source: source).pull(into: target)
            Issue.record("expected an error")
        } catch { expectClean(error, status: 403) }
    }

    @Test func redactorReplacesLongestFirstAndIgnoresShortValues() {
        let redactor = SecretRedactor(["abcdef", "abcdefgh", "ab", nil])
        #expect(redactor.redact("x abcdefgh y abcdef ab") == "x *** y *** ab")
        #expect(SecretRedactor(["a/b+c=d"]).redact("q=a%2Fb%2Bc%3Dd") == "q=***")
    }
}
