import Foundation
import Synchronization

/// A one-thread HTTP/1.1 server on 127.0.0.1 for transport tests: records each request's raw
/// head and body and answers with `respond` (nil: accept, read, then never answer).
final class LoopbackHTTPServer: Sendable {
    struct Received: Sendable {
        var head: String
        var body: Data
        /// The request line (`POST /path HTTP/1.1`).
        var requestLine: String { head.components(separatedBy: "\r\n").first ?? "" }
        /// Header value by lowercased name.
        func header(_ name: String) -> String? {
            for line in head.components(separatedBy: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].lowercased() == name { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    let port: Int
    private let listener: Int32
    private let log = RequestLog()
    /// Signalled once the serving thread has closed the listening socket.
    private let closed = DispatchSemaphore(value: 0)

    /// Starts listening; `respond` makes the raw response bytes for a request.
    init(respond: (@Sendable (Received) -> String?)?) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let log = self.log
        let closed = self.closed
        Thread.detachNewThread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    // Closed here, after `accept` returned: closing it from `stop()` while this
                    // thread waits in `accept` could let it accept on a socket another test
                    // opened under the same number.
                    close(fd)
                    closed.signal()
                    return
                }
                let received = Self.read(client)
                log.items.withLock { $0.append(received) }
                if let response = respond?(received) {
                    _ = response.withCString { send(client, $0, strlen($0), 0) }
                    close(client)
                } else {
                    // Never answers: waits until the client gives up and closes.
                    var byte: UInt8 = 0
                    while recv(client, &byte, 1, 0) > 0 {}
                    close(client)
                }
            }
        }
    }

    /// Requests seen so far.
    var requests: [Received] { log.items.withLock { $0 } }

    /// Stops accepting, and returns once the port is closed.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        closed.wait()
    }

    private static func read(_ client: Int32) -> Received {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var expected: Int?
        var headEnd = 0
        while expected.map({ bytes.count < $0 }) ?? true {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
            if expected == nil, let range = Data(bytes).range(of: Data("\r\n\r\n".utf8)) {
                headEnd = range.upperBound
                let head = String(decoding: bytes[0..<range.lowerBound], as: UTF8.self)
                let length = Received(head: head, body: Data()).header("content-length").flatMap(Int.init) ?? 0
                expected = headEnd + length
            }
        }
        let head = String(decoding: bytes[0..<max(0, headEnd - 4)], as: UTF8.self)
        return Received(head: head, body: Data(bytes[min(headEnd, bytes.count)...]))
    }
}

/// The requests a `LoopbackHTTPServer` saw, shared with its thread.
final class RequestLog: Sendable {
    let items = Mutex<[LoopbackHTTPServer.Received]>([])
}
