import Foundation
import SkillEx
import Testing

@testable import SkillExSite

@Suite("skillex serve: requests, answers, live reload")
struct ServeTests {
    private func feed(_ text: String, limit: Int = 8192, chunk: Int = 5) -> RequestHeadReader.Outcome? {
        var reader = RequestHeadReader(limit: limit)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            if let outcome = reader.feed(bytes[start..<min(start + chunk, bytes.count)]) { return outcome }
            start += chunk
        }
        return nil
    }

    @Test("a request head is read in pieces; query and fragment are dropped; bare LF lines work")
    func heads() {
        #expect(feed("GET /a/b.html?x=1#y HTTP/1.1\r\nHost: x\r\n\r\n") == .head(RequestHead(method: "GET", path: "/a/b.html", host: "x")))
        #expect(feed("GET / HTTP/1.1\r\nAccept: */*\r\nhOST: \t LocalHost:8000 \r\n\r\n")
            == .head(RequestHead(method: "GET", path: "/", host: "localhost:8000")))
        #expect(feed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == .reject(.badRequest))
        #expect(feed("HEAD / HTTP/1.0\n\n") == .head(RequestHead(method: "HEAD", path: "/")))
        #expect(feed("POST /x HTTP/1.1\r\n\r\n") == .head(RequestHead(method: "POST", path: "/x")))
        // Not whole yet: read more.
        #expect(feed("GET / HTTP/1.1\r\nHost: x\r\n") == nil)
    }

    @Test("malformed request lines are 400")
    func badHeads() {
        for line in ["GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "get / HTTP/1.1\r\n\r\n", "GET x HTTP/1.1\r\n\r\n",
                     "GET / HTTP/2.0x\r\n\r\n", "GET /\u{7F} HTTP/1.1\r\n\r\n", "GET /é HTTP/1.1\r\n\r\n", "\r\n\r\n"] {
            #expect(feed(line) == .reject(.badRequest), "\(line.debugDescription)")
        }
    }

    @Test("a path over the limit is 414 and big headers are 431, both before the head ends")
    func limits() {
        let long = "GET /" + String(repeating: "a", count: 70_000) + " HTTP/1.1\r\n\r\n"
        #expect(feed(long, chunk: 4096) == .reject(.uriTooLong))
        // Refused as soon as the limit is passed: the rest never needs to arrive.
        #expect(feed("GET /" + String(repeating: "a", count: 9000), chunk: 4096) == .reject(.uriTooLong))
        let headers = "GET / HTTP/1.1\r\n" + String(repeating: "X-A: b\r\n", count: 2000)
        #expect(feed(headers, chunk: 4096) == .reject(.headersTooLarge))
        #expect(feed("GET /abc HTTP/1.1\r\n\r\n", limit: 20) == .reject(.headersTooLarge))
        #expect(feed("GET /abcdefghijklmnopqrstuvwxyz HTTP/1.1\r\n\r\n", limit: 20) == .reject(.uriTooLong))
    }

    @Test("the script tag goes before the last </body>, in any case, or at the end")
    func injection() {
        let page = Array("<html><body><p>x</p></BODY></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: page), as: UTF8.self)
        #expect(injected == "<html><body><p>x</p><script src=\"/__skillex/live-reload.js\"></script>\n</BODY></html>")
        #expect(LiveReload.isIn(Array(injected.utf8)))
        let bare = String(decoding: LiveReload.inject(into: Array("<p>x".utf8)), as: UTF8.self)
        #expect(bare.hasSuffix("<script src=\"/__skillex/live-reload.js\"></script>\n"))
    }

    @Test("live-reload code is found in script tags only, never in escaped text")
    func detection() {
        #expect(LiveReload.isIn(Array(#"<p>x</p><script src="../assets/live-reload.js"></script>"#.utf8)))
        #expect(LiveReload.isIn(Array(#"<SCRIPT defer src="/__skillex/live-reload.js">"#.utf8)))
        #expect(LiveReload.isIn(Array(#"<script src="https://x/__skillex/version.js"></script>"#.utf8)))
        #expect(!LiveReload.isIn(Array(#"<p>&lt;script src="/__skillex/live-reload.js"&gt;</p>"#.utf8)))
        #expect(!LiveReload.isIn(Array(#"<p>Polls /__skillex/version.</p><script src="assets/search.js"></script>"#.utf8)))
        #expect(!LiveReload.isIn(Array("<script".utf8)))
    }

    /// A site folder with a page, a raw copy of a skill file, a hidden file, a symlink leading
    /// out, and a secret beside it.
    private func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-serve-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("public")
        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>")
        try write("skills/acme/pdf/index.html", "<html><body>pdf</body></html>")
        try write("skills/acme/pdf/raw/evil.html", "<script>alert(document.domain)</script>")
        try write("skills/acme/pdf/raw/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
        try write("skills/acme/pdf/raw/bin.dat", "a\u{0}b")
        try write("skills/acme/pdf/raw/index.html", "<script>alert(1)</script>")
        try write("skills/acme/pdf/raw/docs/index.html", "<script>alert(2)</script>")
        try write(".hidden", "no")
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
        return folder
    }

    @Test("HTML is served with the script added and the site's policy; the file keeps its bytes")
    func pages() throws {
        let folder = try site()
        let responder = PreviewResponder(folder: folder)
        let home = responder.respond(to: RequestHead(method: "GET", path: "/"), version: 3)
        #expect(home.status == .ok)
        #expect(LiveReload.isIn(Array(home.body)))
        #expect(home.header("content-type") == "text/html; charset=utf-8")
        #expect(home.header("Content-Security-Policy") == ServeHeaders.contentSecurityPolicy)
        #expect(home.header("X-Content-Type-Options") == "nosniff")
        #expect(home.header("Content-Disposition") == nil)
        #expect(!LiveReload.isIn(Array(try Data(contentsOf: folder.appendingPathComponent("index.html")))))
        let version = responder.respond(to: RequestHead(method: "GET", path: "/__skillex/version"), version: 3)
        #expect(String(decoding: version.body, as: UTF8.self) == "3")
        let script = responder.respond(to: RequestHead(method: "GET", path: "/__skillex/live-reload.js"), version: 3)
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(String(decoding: script.body, as: UTF8.self).contains("/__skillex/version"))
        let folderPage = responder.respond(to: RequestHead(method: "GET", path: "/skills/acme/pdf"), version: 0)
        #expect(folderPage.status.code == 301 && folderPage.header("Location") == "/skills/acme/pdf/")
        let post = responder.respond(to: RequestHead(method: "POST", path: "/"), version: 0)
        #expect(post.status == .methodNotAllowed && post.header("Allow") == "GET, HEAD")
    }

    @Test("only requests naming the server itself (or no host) are answered: no DNS rebinding")
    func hosts() throws {
        let responder = PreviewResponder(folder: try site(), hosts: PreviewResponder.loopbackHosts(port: 8000))
        for (host, status) in [("127.0.0.1:8000", HTTPStatus.ok), ("localhost:8000", .ok), (nil, .ok),
                               ("rebind.example:8000", .misdirected), ("127.0.0.1:9000", .misdirected), ("localhost", .misdirected)] {
            #expect(responder.respond(to: RequestHead(method: "GET", path: "/", host: host), version: 0).status == status, "\(host ?? "-")")
        }
    }

    @Test("raw copies of skill files are downloads that never run: plain text or bytes, nosniff, sandboxed")
    func rawCopies() throws {
        let responder = PreviewResponder(folder: try site())
        for (path, type, name) in [
            ("/skills/acme/pdf/raw/evil.html", "text/plain; charset=utf-8", "evil.html"),
            ("/skills/acme/pdf/raw/assets/logo.svg", "text/plain; charset=utf-8", "logo.svg"),
            ("/skills/acme/pdf/raw/bin.dat", "application/octet-stream", "bin.dat"),
            // A skill's own index.html, asked for by its folder, is raw too.
            ("/skills/acme/pdf/raw/", "text/plain; charset=utf-8", "index.html"),
            ("/skills/acme/pdf/raw/docs/", "text/plain; charset=utf-8", "index.html"),
        ] {
            let answer = responder.respond(to: RequestHead(method: "GET", path: path), version: 0)
            #expect(answer.status == .ok, "\(path)")
            #expect(answer.header("Content-Type") == type, "\(path)")
            #expect(answer.header("Content-Disposition") == "attachment; filename=\"\(name)\"", "\(path)")
            #expect(answer.header("X-Content-Type-Options") == "nosniff", "\(path)")
            #expect(answer.header("Content-Security-Policy") == ServeHeaders.rawPolicy, "\(path)")
            #expect(!LiveReload.isIn(Array(answer.body)), "\(path)")
        }
    }

    @Test("nothing outside the folder or hidden is served: .., encoded slashes, dot files, symlinks out")
    func containment() throws {
        let responder = PreviewResponder(folder: try site())
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/skills/%2F..%2F..%2Fsecret.txt", "/.hidden", "/a/%00b"] {
            #expect(responder.respond(to: RequestHead(method: "GET", path: path), version: 0).status == .badRequest, "\(path)")
        }
        #expect(responder.respond(to: RequestHead(method: "GET", path: "/link.txt"), version: 0).status == .notFound)
        #expect(responder.respond(to: RequestHead(method: "GET", path: "/nope.html"), version: 0).status == .notFound)
    }

    @Test("--verify rewrites pages that carry live-reload code; a normal build leaves kept pages alone")
    func verifyFindsLiveReload() throws {
        let fixture = try SiteFixture(stageFiles: true)
        let folder = fixture.root.appendingPathComponent("public")
        func publisher(_ verifyAll: Bool) -> DiskPublisher {
            DiskPublisher(folder: folder, hashesURL: fixture.root.appendingPathComponent(".skillex/site-hashes.tsv"), verifyAll: verifyAll)
        }
        func build(_ verifyAll: Bool) throws -> SiteReport {
            let manifest = try ManifestStore.load(fixture.workspace.manifestURL)
            let input = try SiteInput.load(workspace: fixture.workspace, manifest: manifest)
            return try Site(theme: Theme.load()).build(input: input, publisher: publisher(verifyAll))
        }
        _ = try build(false)
        let page = folder.appendingPathComponent("skills/acme/pdf/files/references/guide.md.html")
        let clean = try Data(contentsOf: page)
        try Data(LiveReload.inject(into: Array(clean))).write(to: page)
        _ = try build(false)
        #expect(LiveReload.isIn(Array(try Data(contentsOf: page))))
        let verified = try build(true)
        #expect(try Data(contentsOf: page) == clean)
        #expect(verified.written >= 1)
    }
}

@Suite("skillex serve: the server on a real socket")
struct ServerSocketTests {
    /// Connects to 127.0.0.1:`port`; the socket, or -1.
    private func connect(_ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // A client that would hang fails the test instead of blocking it.
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return connected == 0 ? fd : -1
    }

    /// Sends `request` (as much as the server takes) and reads the answer to the end.
    private func exchange(_ port: UInt16, _ request: String) -> String {
        let fd = connect(port)
        defer { close(fd) }
        let bytes = Array(request.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }
            offset += sent
        }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<html><body>home</body></html>".utf8).write(to: folder.appendingPathComponent("index.html"))
        return folder
    }

    @Test("an idle connection holds up no one; a huge path is refused with 414; HEAD sends no body")
    func concurrent() throws {
        let server = try Server(folder: try folder(), port: 0)
        server.start()
        let idle = connect(server.port)
        #expect(idle >= 0)
        defer { close(idle) }
        let page = exchange(server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        #expect(page.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(page.contains("home") && page.contains("/__skillex/live-reload.js"))
        let huge = exchange(server.port, "GET /" + String(repeating: "a", count: 65536) + " HTTP/1.1\r\n\r\n")
        #expect(huge.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"))
        let head = exchange(server.port, "HEAD / HTTP/1.1\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n") && head.hasSuffix("\r\n\r\n") && !head.contains("home"))
        server.bumpVersion()
        #expect(exchange(server.port, "GET /__skillex/version HTTP/1.1\r\n\r\n").hasSuffix("\r\n\r\n1"))
    }

    @Test("a client that never finishes its head is answered 408 at the deadline")
    func deadline() throws {
        var limits = ServeLimits()
        limits.timeout = 0.3
        let server = try Server(folder: try folder(), port: 0, limits: limits)
        server.start()
        #expect(exchange(server.port, "GET / HTTP/1.1\r\n").hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
    }

    @Test("connections over the limit are answered 503 while the others stay open")
    func connectionLimit() throws {
        var limits = ServeLimits()
        limits.connections = 2
        let server = try Server(folder: try folder(), port: 0, limits: limits)
        server.start()
        let first = connect(server.port)
        let second = connect(server.port)
        defer { close(first); close(second) }
        // The third waits for nothing: it is refused at once.
        #expect(exchange(server.port, "GET / HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
    }
}

@Suite("skillex serve: what it watches")
struct WatcherTests {
    @Test("the sources are each repository's skills folder; a fingerprint changes on edit, add and remove")
    func sources() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("skillex-watch-\(UUID().uuidString)")
        let workspace = Workspace(root: root)
        var manifest = Manifest()
        manifest.repositories = [
            RepositoryEntry(name: "a", path: "repos/a"), RepositoryEntry(name: "b", path: "/elsewhere/b", skillsDir: "skills"),
        ]
        let watcher = Watcher.sources(manifest, workspace: workspace)
        #expect(watcher.paths.map(\.path) == [root.path + "/repos/a/.claude/skills", "/elsewhere/b/skills"])
        let skill = root.appendingPathComponent("repos/a/.claude/skills/x/SKILL.md")
        try FileManager.default.createDirectory(at: skill.deletingLastPathComponent(), withIntermediateDirectories: true)
        let empty = watcher.fingerprint()
        #expect(watcher.fingerprint() == empty)
        try Data("one".utf8).write(to: skill)
        let added = watcher.fingerprint()
        #expect(added != empty)
        try Data("two!".utf8).write(to: skill)
        let edited = watcher.fingerprint()
        #expect(edited != added)
        try FileManager.default.removeItem(at: skill)
        #expect(watcher.fingerprint() != edited)
    }
}
