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

    /// Sets header `name` (compared without case) to `value`.
    public mutating func setValue(_ value: String, forHTTPHeaderField name: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append((name, value))
    }

    /// The value of header `name`, if set.
    public func value(forHTTPHeaderField name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }
}
