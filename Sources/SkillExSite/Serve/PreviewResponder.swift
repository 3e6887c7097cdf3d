public import Foundation

/// One answer of the preview server.
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// Headers in the order sent (Content-Length is added when encoding).
    public var headers: [(String, String)]
    /// The body (sent only for GET).
    public var body: Data

    /// A plain-text answer (errors, the build number).
    static func text(_ status: HTTPStatus, _ text: String, extra: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + extra + ServeHeaders.common(),
            body: Data(text.utf8))
    }

    /// The value of the first header called `name` (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The bytes sent: status line, headers, Content-Length, blank line, and the body unless
    /// `headOnly` (a HEAD request).
    func encoded(headOnly: Bool) -> Data {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        var bytes = Data(head.utf8)
        if !headOnly { bytes.append(body) }
        return bytes
    }
}

/// What `skillex serve` answers to a request, worked out without a socket: files of the site
/// folder (HTML with live reload added), the build number, and the security headers.
public struct PreviewResponder: Sendable {
    /// The folder served.
    public let folder: URL
    /// The Host header values answered (nil: any). A page elsewhere that points its own name at
    /// 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
    public let hosts: Set<String>?

    /// Answers from `folder`, to requests naming one of `hosts` (or none).
    public init(folder: URL, hosts: Set<String>? = nil) {
        self.folder = folder.standardizedFileURL
        self.hosts = hosts
    }

    /// The Host values of a preview on 127.0.0.1:`port`.
    public static func loopbackHosts(port: UInt16) -> Set<String> {
        ["127.0.0.1:\(port)", "localhost:\(port)"]
    }

    /// The answer to `head` while the preview is at build `version`.
    public func respond(to head: RequestHead, version: Int) -> HTTPResponse {
        if let hosts, let host = head.host, !hosts.contains(host) {
            return .text(.misdirected, "this server answers only for \(hosts.sorted().joined(separator: " and "))\n")
        }
        guard head.method == "GET" || head.method == "HEAD" else {
            return .text(.methodNotAllowed, "method not allowed\n", extra: [("Allow", "GET, HEAD")])
        }
        switch head.path {
        case LiveReload.versionPath: return .text(.ok, String(version))
        case LiveReload.scriptPath:
            return HTTPResponse(
                status: .ok, headers: [("Content-Type", "text/javascript; charset=utf-8")] + ServeHeaders.common(),
                body: LiveReload.script)
        default: break
        }
        guard let segments = Self.segments(head.path) else { return .text(.badRequest, "bad request\n") }
        switch locate(segments, trailingSlash: head.path.hasSuffix("/")) {
        case .missing: return .text(.notFound, "not found\n")
        case .folderWithoutSlash:
            return .text(.movedPermanently, "moved\n", extra: [("Location", head.path + "/")])
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return .text(.notFound, "not found\n") }
            // Asked for by its folder or by name, a raw copy (a skill's own `index.html` too) is raw.
            if ServeHeaders.isRawCopy(segments) {
                return HTTPResponse(
                    status: .ok,
                    headers: ServeHeaders.raw(Array(data), name: url.lastPathComponent)
                        + ServeHeaders.common(policy: ServeHeaders.rawPolicy),
                    body: data)
            }
            let type = ServeHeaders.contentType(url.pathExtension)
            let body = type.hasPrefix("text/html") ? Data(LiveReload.inject(into: Array(data))) : data
            return HTTPResponse(status: .ok, headers: [("Content-Type", type)] + ServeHeaders.common(), body: body)
        }
    }

    /// The decoded segments of a request path; nil for a path that could name something outside
    /// the folder or a hidden file: `..`, `.`-prefixed (except a leading `.well-known`) or
    /// empty-after-decoding segments, a slash or a control character smuggled in by
    /// percent-encoding.
    package static func segments(_ path: String) -> [String]? {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            // `.well-known` at the root is the one dot folder served (the discovery index).
            guard let segment = raw.removingPercentEncoding, !segment.isEmpty,
                !segment.hasPrefix(".") || (segments.isEmpty && segment == ".well-known"),
                !segment.contains("/"), !segment.unicodeScalars.contains(where: { $0.value < 32 || $0.value == 127 })
            else { return nil }
            segments.append(segment)
        }
        return segments
    }

    enum Location: Equatable {
        case missing
        case folderWithoutSlash
        case file(URL)
    }

    /// The regular file `segments` name inside the folder (a folder's `index.html`), found only
    /// when its real path stays inside the folder's real path (no symlink leads out). A folder
    /// asked for without its trailing slash is sent there first, so its page's relative links work.
    func locate(_ segments: [String], trailingSlash: Bool) -> Location {
        let named = segments.reduce(folder) { $0.appendingPathComponent($1) }
        var info = stat()
        guard stat(named.path, &info) == 0 else { return .missing }
        var file = named
        if info.st_mode & S_IFMT == S_IFDIR {
            if !trailingSlash, !segments.isEmpty { return .folderWithoutSlash }
            file = named.appendingPathComponent("index.html")
            guard stat(file.path, &info) == 0 else { return .missing }
        }
        guard info.st_mode & S_IFMT == S_IFREG, let real = Self.realPath(file.path),
            let root = Self.realPath(folder.path), real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        else { return .missing }
        return .file(file)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
