public import Foundation

/// One HTTP request: method, URL, headers in the order set (a name set again replaces its
/// value) and an optional body.
public struct HTTPRequest: Sendable {
    /// Where it goes (http or https).
    public var url: URL
    /// `GET`, `PUT`, `POST`, `HEAD`, `DELETE`, `PATCH`…
    public var httpMethod: String = "GET"
    /// The body, if any.
    public var httpBody: Data?
    /// Seconds without progress before the attempt fails (nil: the transport's).
    public var timeoutInterval: Double?
    /// Headers as set, names as written.
    public private(set) var headers: [(name: String, value: String)] = []

    /// A GET of `url`.
    public init(url: URL) { self.url = url }

    /// Sets header `name` (compared without case) to `value`. Line breaks and NULs are dropped
    /// from both, so no value can add a header or a request of its own.
    public mutating func setValue(_ value: String, forHTTPHeaderField name: String) {
        func clean(_ text: String) -> String {
            text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" || $0 == "\0" })
                ? String(text.filter { $0 != "\r" && $0 != "\n" && $0 != "\r\n" && $0 != "\0" }) : text
        }
        let name = clean(name)
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append((name, clean(value)))
    }

    /// The value of header `name`, if set.
    public func value(forHTTPHeaderField name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }
}
