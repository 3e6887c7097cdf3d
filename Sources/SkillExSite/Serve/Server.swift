public import Foundation
public import SkillEx
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// A small blocking HTTP/1.1 file server on 127.0.0.1 for `skillex serve`: serves a folder and
/// `/__skillex/version` (the build number live-reload polls). Not for production use.
public final class Server: Sendable {
    /// The folder served.
    public let folder: URL
    /// The port actually bound.
    public let port: UInt16
    private let socket: Int32
    private let version = Mutex<Int>(0)

    /// Binds 127.0.0.1:`port` (0 picks a free port); throws when the port is taken.
    public init(folder: URL, port: UInt16) throws {
        self.folder = folder.standardizedFileURL
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError.socket("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServeError.socket("127.0.0.1:\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        socket = fd
    }

    /// Tells open pages a new build is there.
    public func bumpVersion() { version.withLock { $0 += 1 } }

    /// Accepts connections on a background thread until the process ends.
    public func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(socket, nil, nil)
                if client < 0 { continue }
                handle(client)
            }
        }
        thread.start()
    }

    private func handle(_ client: Int32) {
        defer { close(client) }
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536 {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { break }
            request += buffer[0..<count]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count >= 2, parts[0] == "GET" || parts[0] == "HEAD" else {
            return respond(client, status: "405 Method Not Allowed", type: "text/plain", body: Data("method not allowed\n".utf8))
        }
        let target = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "/")
        if target == "/__skillex/version" {
            let body = Data(String(version.withLock { $0 }).utf8)
            return respond(client, status: "200 OK", type: "text/plain", body: body)
        }
        guard let file = resolve(target), let body = try? Data(contentsOf: file) else {
            return respond(client, status: "404 Not Found", type: "text/plain", body: Data("not found\n".utf8))
        }
        respond(client, status: "200 OK", type: Self.contentType(file.pathExtension), body: parts[0] == "HEAD" ? Data() : body)
    }

    /// The file for a request path, never outside the folder; folders serve `index.html`.
    func resolve(_ target: String) -> URL? {
        guard let decoded = target.removingPercentEncoding else { return nil }
        let segments = decoded.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        var url = segments.reduce(folder) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { url.appendPathComponent("index.html") }
        return url
    }

    private func respond(_ client: Int32, status: String, type: String, body: Data) {
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        bytes.append(body)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(client, raw.baseAddress?.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { break }
                offset += sent
            }
        }
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}

/// Why the preview server cannot run.
public enum ServeError: DescribedError {
    /// The socket could not be opened or bound.
    case socket(String)

    /// One line.
    public var description: String {
        switch self { case .socket(let reason): "cannot serve: \(reason)" }
    }
}
