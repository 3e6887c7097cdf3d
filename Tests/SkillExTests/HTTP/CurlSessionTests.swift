import Foundation
import Testing

@testable import SkillEx

@Suite("HTTP through libcurl")
struct CurlSessionTests {
    private func answer(_ status: String, _ headers: String = "", body: String = "") -> String {
        "HTTP/1.1 \(status)\r\nContent-Length: \(body.utf8.count)\r\n\(headers)Connection: close\r\n\r\n\(body)"
    }

    @Test("a POST arrives with its method, headers and body; the answer comes back whole")
    func postRoundTrip() throws {
        let server = try LoopbackHTTPServer { _ in
            self.answer("201 Created", "X-Thing: one\r\nX-Thing: two\r\n", body: "{\"ok\":true}")
        }
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/hooks/a?x=1"))
        var request = HTTPRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("first", forHTTPHeaderField: "X-SkillEx-Event")
        request.setValue("second", forHTTPHeaderField: "x-skillex-event")
        request.httpBody = Data("{\"event\":\"published\"}".utf8)
        guard case .answered(let response) = CurlSession().perform(request, timeout: 5, total: 30) else {
            Issue.record("no answer")
            return
        }
        #expect(response.status == 201)
        #expect(response.headers["x-thing"] == "one, two")
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"ok\":true}")
        let seen = try #require(server.requests.first)
        #expect(seen.requestLine == "POST /hooks/a?x=1 HTTP/1.1")
        #expect(seen.header("content-type") == "application/json")
        #expect(seen.header("x-skillex-event") == "second")
        #expect(seen.header("expect") == nil)
        #expect(String(decoding: seen.body, as: UTF8.self) == "{\"event\":\"published\"}")
    }

    @Test("PUT with an empty body sends Content-Length 0 and no form content type; HEAD and DELETE keep their methods")
    func methods() throws {
        let server = try LoopbackHTTPServer { _ in self.answer("200 OK") }
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/bucket/key"))
        let session = CurlSession()
        for method in ["PUT", "HEAD", "DELETE", "GET"] {
            var request = HTTPRequest(url: url)
            request.httpMethod = method
            if method == "PUT" { request.httpBody = Data() }
            guard case .answered(let response) = session.perform(request, timeout: 5, total: 30) else {
                Issue.record("\(method): no answer")
                continue
            }
            #expect(response.status == 200)
        }
        let seen = server.requests
        #expect(seen.map(\.requestLine) == ["PUT", "HEAD", "DELETE", "GET"].map { "\($0) /bucket/key HTTP/1.1" })
        #expect(seen.first?.header("content-length") == "0")
        #expect(seen.first?.header("content-type") == nil)
    }

    @Test("a refused connection is a retryable failure naming the reason")
    func refused() throws {
        let server = try LoopbackHTTPServer { _ in nil }
        let port = server.port
        server.stop()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        guard case .failed(let retryable, let reason) = CurlSession().perform(HTTPRequest(url: url), timeout: 5, total: 30) else {
            Issue.record("expected a failure")
            return
        }
        #expect(retryable)
        #expect(!reason.isEmpty)
    }

    @Test("a server that never answers times out, retryably")
    func silentServer() throws {
        let server = try LoopbackHTTPServer(respond: nil)
        defer { server.stop() }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/slow"))
        guard case .failed(let retryable, _) = CurlSession().perform(HTTPRequest(url: url), timeout: 1, total: 3) else {
            Issue.record("expected a timeout")
            return
        }
        #expect(retryable)
    }

    @Test("only http and https are sent")
    func schemes() throws {
        let url = try #require(URL(string: "file:///etc/passwd"))
        guard case .failed(let retryable, _) = CurlSession().perform(HTTPRequest(url: url), timeout: 1, total: 1) else {
            Issue.record("a file URL was fetched")
            return
        }
        #expect(!retryable)
    }

    @Test("a header value cannot smuggle in another header")
    func headerInjection() throws {
        let server = try LoopbackHTTPServer { _ in self.answer("204 No Content") }
        defer { server.stop() }
        var request = HTTPRequest(url: try #require(URL(string: "http://127.0.0.1:\(server.port)/")))
        request.setValue("ping\r\nX-Injected: yes", forHTTPHeaderField: "X-SkillEx-Event")
        #expect(request.value(forHTTPHeaderField: "x-skillex-event") == "pingX-Injected: yes")
        _ = CurlSession().perform(request, timeout: 5, total: 30)
        let seen = try #require(server.requests.first)
        #expect(seen.header("x-injected") == nil)
        #expect(seen.header("x-skillex-event") == "pingX-Injected: yes")
    }
}
