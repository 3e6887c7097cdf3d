public import Foundation
public import SkillEx
import Synchronization
#if canImport(Glibc)
    import Glibc
#endif

/// Bounds on what one client may cost the preview server.
public struct ServeLimits: Sendable {
    /// The largest request head (request line and headers), in bytes.
    public var headBytes = 8192
    /// Seconds a client has to send its whole request head, and to take the answer.
    public var timeout: Double = 10
    /// Connections served at once; more are answered 503 straight away.
    public var connections = 64

    /// The defaults: 8 KiB heads, 10 s, 64 connections.
    public init() {}
}

/// A small HTTP/1.1 file server on 127.0.0.1 for `skillex serve`: serves a folder (through
/// `PreviewResponder`) and `/__skillex/version`, the build number live reload polls. Each
/// connection has its own thread, a deadline and a head-size bound, so an idle or slow client
/// holds up no one else. Not for production use.
public final class Server: Sendable {
    /// The folder served.
    public var folder: URL { responder.folder }
    /// The port actually bound.
    public let port: UInt16
    /// Bounds per client.
    public let limits: ServeLimits
    private let responder: PreviewResponder
    private let socket: Int32
    private let version = Mutex<Int>(0)
    private let active = Mutex<Int>(0)

    /// Binds 127.0.0.1:`port` (0 picks a free port); throws when the port is taken.
    public init(folder: URL, port: UInt16, limits: ServeLimits = ServeLimits()) throws {
        self.limits = limits
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError.socket("socket: \(String(cString: strerror(errno)))") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
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
        responder = PreviewResponder(folder: folder, hosts: PreviewResponder.loopbackHosts(port: self.port))
        socket = fd
    }

    /// Tells open pages a new build is there.
    public func bumpVersion() { version.withLock { $0 += 1 } }

    /// Accepts connections on a background thread until the process ends; each is served on a
    /// thread of its own, up to `limits.connections` at once.
    public func start() {
        let thread = Thread { [self] in
            while true {
                let client = accept(socket, nil, nil)
                if client < 0 {
                    // Out of descriptors (or another passing failure): let connections end first.
                    if errno != EINTR { usleep(10_000) }
                    continue
                }
                // Cookbook runs start child processes: they must not inherit a client.
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                let admitted = active.withLock { count in
                    guard count < limits.connections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    // The answer is a few hundred bytes: the socket's buffer takes it at once.
                    let connection = Connection(fd: client, limits: limits)
                    connection.send(HTTPResponse.text(.unavailable, "too many connections\n"), headOnly: false)
                    close(client)
                    continue
                }
                Thread { [self] in
                    defer { active.withLock { $0 -= 1 } }
                    serve(client)
                }.start()
            }
        }
        thread.start()
    }

    /// Reads one request from `client`, answers it and closes the connection.
    private func serve(_ client: Int32) {
        let connection = Connection(fd: client, limits: limits)
        defer { close(client) }
        switch connection.readHead() {
        case nil: return
        case .head(let head)?:
            let response = responder.respond(to: head, version: version.withLock { $0 })
            connection.send(response, headOnly: head.method == "HEAD")
        case .reject(let status)?:
            connection.send(HTTPResponse.text(status, status.reason.lowercased() + "\n"), headOnly: false)
            connection.drain()
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
