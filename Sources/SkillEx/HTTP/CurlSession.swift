import CCurl
import Foundation
import Synchronization

/// Sends `HTTPRequest`s with libcurl, loaded on first use (see `CCurl`): commands that never
/// touch the network do not load it. Easy handles are kept between requests so connections to
/// the same host are reused.
final class CurlSession: Sendable {
    /// Idle handles (as addresses), ready for the next request.
    private let idle = Mutex<[UInt]>([])

    deinit {
        for address in idle.withLock({ $0 }) { ccurl_easy_cleanup(UnsafeMutableRawPointer(bitPattern: address)) }
    }

    /// Sends `request` once and waits for the answer. `timeout` is how long the connection may
    /// take or make no progress; `total` caps the whole exchange.
    func perform(_ request: HTTPRequest, timeout: Double, total: Double) -> HTTPAttempt {
        var reason = [CChar](repeating: 0, count: 256)
        guard ccurl_load(&reason, reason.count) == 0 else {
            return .failed(retryable: false, reason: Self.text(reason))
        }
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failed(retryable: false, reason: "unsupported URL scheme")
        }
        guard let handle = idle.withLock({ $0.popLast() }).flatMap(UnsafeMutableRawPointer.init(bitPattern:)) ?? ccurl_easy_init() else {
            return .failed(retryable: true, reason: "libcurl could not make a handle")
        }
        defer {
            ccurl_easy_reset(handle)
            let address = UInt(bitPattern: handle)
            idle.withLock { $0.append(address) }
        }
        let sink = ResponseSink()
        var headers: UnsafeMutableRawPointer?
        defer { ccurl_slist_free_all(headers) }
        var names = Set<String>()
        for (name, value) in request.headers {
            names.insert(name.lowercased())
            headers = ccurl_slist_append(headers, "\(name): \(value)")
        }
        // libcurl's own defaults that a signed or JSON request must not get.
        if !names.contains("content-type") { headers = ccurl_slist_append(headers, "Content-Type:") }
        headers = ccurl_slist_append(headers, "Expect:")
        var errorBuffer = [CChar](repeating: 0, count: 256)
        let method = request.httpMethod.uppercased()
        let body = request.httpBody ?? Data()
        let code: Int32 = request.url.absoluteString.withCString { url in
            method.withCString { methodText in
                body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    errorBuffer.withUnsafeMutableBufferPointer { errors in
                        ccurl_setopt_pointer(handle, Int32(CCURL_OPT_URL), url)
                        _ = "http,https".withCString { ccurl_setopt_pointer(handle, Int32(CCURL_OPT_PROTOCOLS_STR), $0) }
                        ccurl_setopt_long(handle, Int32(CCURL_OPT_NOSIGNAL), 1)
                        ccurl_setopt_pointer(handle, Int32(CCURL_OPT_ERRORBUFFER), errors.baseAddress)
                        ccurl_setopt_long(handle, Int32(CCURL_OPT_CONNECTTIMEOUT_MS), Int(saturating: timeout * 1000))
                        ccurl_setopt_long(handle, Int32(CCURL_OPT_TIMEOUT_MS), Int(saturating: total * 1000))
                        ccurl_setopt_long(handle, Int32(CCURL_OPT_LOW_SPEED_LIMIT), 1)
                        ccurl_setopt_long(handle, Int32(CCURL_OPT_LOW_SPEED_TIME), max(1, Int(saturating: timeout.rounded(.up))))
                        ccurl_setopt_pointer(handle, Int32(CCURL_OPT_HTTPHEADER), headers)
                        let context = Unmanaged.passUnretained(sink).toOpaque()
                        ccurl_setopt_callback(handle, Int32(CCURL_OPT_WRITEFUNCTION), ResponseSink.onBody)
                        ccurl_setopt_pointer(handle, Int32(CCURL_OPT_WRITEDATA), context)
                        ccurl_setopt_callback(handle, Int32(CCURL_OPT_HEADERFUNCTION), ResponseSink.onHeader)
                        ccurl_setopt_pointer(handle, Int32(CCURL_OPT_HEADERDATA), context)
                        if method == "HEAD" {
                            ccurl_setopt_long(handle, Int32(CCURL_OPT_NOBODY), 1)
                        } else if request.httpBody != nil || ["POST", "PUT", "PATCH"].contains(method) {
                            // The body is read from `bytes` in place (no copy); an empty body still
                            // sends `Content-Length: 0`.
                            ccurl_setopt_offset(handle, Int32(CCURL_OPT_POSTFIELDSIZE_LARGE), Int64(bytes.count))
                            ccurl_setopt_pointer(handle, Int32(CCURL_OPT_POSTFIELDS), bytes.baseAddress ?? UnsafeRawPointer(url))
                        }
                        if method != "GET", method != "HEAD" {
                            ccurl_setopt_pointer(handle, Int32(CCURL_OPT_CUSTOMREQUEST), methodText)
                        }
                        return ccurl_perform(handle)
                    }
                }
            }
        }
        guard code == 0 else {
            let detail = Self.text(errorBuffer)
            let summary = String(cString: ccurl_strerror(code))
            return .failed(
                retryable: Self.retryableCodes.contains(code),
                reason: ErrorText.oneLine(detail.isEmpty ? summary : detail))
        }
        return .answered(HTTPResponse(status: ccurl_response_code(handle), headers: sink.headers, body: sink.body))
    }

    /// libcurl results worth another attempt: the name or connection failed, the connection
    /// dropped, or it timed out. TLS and URL errors are not.
    static let retryableCodes: Set<Int32> = [5, 6, 7, 16, 18, 28, 52, 55, 56]

    private static func text(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Collects one response's headers and body from libcurl's callbacks.
private final class ResponseSink {
    var headers: [String: String] = [:]
    var body = Data()

    static let onBody: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        if let data, length > 0 { sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length) }
        return length
    }

    static let onHeader: ccurl_data_callback = { data, size, count, context in
        guard let context else { return 0 }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line (after `100 Continue` or a redirect): earlier headers are not its own.
            sink.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            sink.headers[name] = sink.headers[name].map { $0 + ", " + value } ?? value
        }
        return length
    }
}
