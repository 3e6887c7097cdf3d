/// What `skillex serve` reads of an HTTP/1.x request: the request line and the Host header.
public struct RequestHead: Sendable, Equatable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The path as sent (still percent-encoded), without query or fragment; starts with `/`.
    public var path: String
    /// The Host header, lowercased and trimmed; nil when there is none.
    public var host: String?

    /// A request's parts.
    public init(method: String, path: String, host: String? = nil) {
        self.method = method
        self.path = path
        self.host = host
    }
}

/// An HTTP status line's code and reason.
public struct HTTPStatus: Sendable, Equatable {
    /// The three-digit code.
    public var code: Int
    /// The reason phrase.
    public var reason: String

    static let ok = HTTPStatus(code: 200, reason: "OK")
    static let movedPermanently = HTTPStatus(code: 301, reason: "Moved Permanently")
    static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    static let misdirected = HTTPStatus(code: 421, reason: "Misdirected Request")
    static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    static let headersTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    static let unavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
}

/// Collects a request head, chunk by chunk as it arrives, up to its blank line; never holds
/// more than `limit` bytes plus one chunk, and refuses a head larger than `limit`.
public struct RequestHeadReader: Sendable {
    /// The largest head accepted, in bytes (request line and headers, blank line included).
    public let limit: Int
    private var bytes: [UInt8] = []

    /// What a finished read gave.
    public enum Outcome: Sendable, Equatable {
        /// A request line that parsed.
        case head(RequestHead)
        /// The request cannot be served: answer with this status and close.
        case reject(HTTPStatus)
    }

    /// A reader refusing heads over `limit` bytes.
    public init(limit: Int) {
        self.limit = limit
        bytes.reserveCapacity(min(limit, 4096))
    }

    /// Adds bytes just read; an outcome once the head is whole or cannot be accepted, else nil
    /// (read more).
    public mutating func feed(_ chunk: some Collection<UInt8>) -> Outcome? {
        let start = max(0, bytes.count - 3)
        bytes += chunk
        if let end = Self.endOfHead(bytes, from: start), end <= limit {
            return Self.parse(bytes[..<end])
        }
        guard bytes.count > limit else { return nil }
        // Too large: a request line that alone passes the limit is a long URI.
        let lineEnd = bytes.firstIndex(of: 10) ?? bytes.count
        return .reject(lineEnd > limit ? .uriTooLong : .headersTooLarge)
    }

    /// The index just past the head's blank line (`\r\n\r\n` or `\n\n`), searching from `start`.
    static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 10 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The request line (`METHOD /path HTTP/1.x`) and Host header of a whole head.
    static func parse(_ head: ArraySlice<UInt8>) -> Outcome {
        let lines = head.split(separator: 10).map { $0.last == 13 ? $0.dropLast() : $0 }
        guard let line = lines.first else { return .reject(.badRequest) }
        let parts = line.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, let method = token(parts[0]), parts[2].starts(with: Array("HTTP/1.".utf8)),
            parts[2].count == 8, let target = visibleASCII(parts[1]), target.hasPrefix("/")
        else { return .reject(.badRequest) }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        var host: String?
        for header in lines.dropFirst() {
            guard header.count > 5, header.prefix(5).map({ $0 | 0x20 }) == Array("host:".utf8) else { continue }
            // Two Host headers are a malformed request (RFC 9112, 3.2).
            guard host == nil else { return .reject(.badRequest) }
            let value = header.dropFirst(5).drop { $0 == 32 || $0 == 9 }
            host = String(decoding: value.reversed().drop { $0 == 32 || $0 == 9 }.reversed(), as: UTF8.self).lowercased()
        }
        return .head(RequestHead(method: method, path: String(path), host: host))
    }

    /// Letters only (every method name is), else nil.
    private static func token(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, bytes.count <= 16, bytes.allSatisfy({ (65...90).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Printable ASCII without spaces (a request target), else nil.
    private static func visibleASCII(_ bytes: ArraySlice<UInt8>) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (33...126).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
