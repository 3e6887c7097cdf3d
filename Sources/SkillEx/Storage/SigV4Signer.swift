public import Foundation

/// AWS Signature Version 4: signs requests with an `Authorization` header or a presigned URL.
///
/// The canonical URI follows S3's rules: each path segment is percent-encoded once from its
/// decoded form and never normalised, so keys such as `a/./b` or `a b` keep their meaning.
public struct SigV4Signer: Sendable {
    /// The payload hash S3 accepts for presigned URLs.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// Access key, secret and optional session token.
    public var credentials: StorageCredentials
    /// Signing region (`us-east-1`, or `auto` for Cloudflare R2).
    public var region: String
    /// Signing service name (`s3`).
    public var service: String

    /// A signer for `service` in `region`.
    public init(credentials: StorageCredentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// One request to sign: method, decoded path, query pairs, headers and payload hash.
    public struct Request: Sendable {
        /// HTTP method.
        public var method: String
        /// The decoded path (`/bucket/key with spaces`).
        public var path: String
        /// Decoded query pairs, in any order.
        public var query: [(String, String)]
        /// Headers to sign; names in any case. Must include `host`.
        public var headers: [String: String]
        /// Lowercase hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
        public var payloadHash: String

        /// A request description.
        public init(
            method: String, path: String, query: [(String, String)] = [],
            headers: [String: String], payloadHash: String
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// `20150830T123600Z` for `date`.
    public static func amzDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// The canonical request text (step 1 of SigV4).
    public func canonicalRequest(_ request: Request) -> String {
        let headers = canonicalHeaders(request.headers)
        return [
            request.method.uppercased(),
            Self.canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headers.map { "\($0.0):\($0.1)\n" }.joined(),
            headers.map(\.0).joined(separator: ";"),
            request.payloadHash,
        ].joined(separator: "\n")
    }

    /// The string to sign (step 2) for a canonical request made at `amzDate`.
    public func stringToSign(canonicalRequest: String, amzDate: String) -> String {
        [
            "AWS4-HMAC-SHA256", amzDate, scope(amzDate),
            Digest.sha256Hex(Data(canonicalRequest.utf8)),
        ].joined(separator: "\n")
    }

    /// The hex signature of `stringToSign` (step 3).
    public func signature(stringToSign: String, amzDate: String) -> String {
        let day = String(amzDate.prefix(8))
        var key = Digest.hmacSHA256(key: Array(("AWS4" + credentials.secretAccessKey).utf8), message: Data(day.utf8))
        for part in [region, service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, message: Data(part.utf8))
        }
        return Digest.hex(Digest.hmacSHA256(key: key, message: Data(stringToSign.utf8)))
    }

    /// The `Authorization` header value for `request` made at `amzDate`; the request's headers
    /// must already hold `x-amz-date` (and `x-amz-security-token` when a session token is used).
    public func authorization(_ request: Request, amzDate: String) -> String {
        let canonical = canonicalRequest(request)
        let toSign = stringToSign(canonicalRequest: canonical, amzDate: amzDate)
        let signed = canonicalHeaders(request.headers).map(\.0).joined(separator: ";")
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(amzDate)), "
            + "SignedHeaders=\(signed), Signature=\(signature(stringToSign: toSign, amzDate: amzDate))"
    }

    /// Adds `x-amz-date`, the session token and `Authorization` to `headers` for `request`.
    public func sign(_ request: Request, date: Date) -> [String: String] {
        let amzDate = Self.amzDate(date)
        var signed = request
        signed.headers["x-amz-date"] = amzDate
        if let token = credentials.sessionToken { signed.headers["x-amz-security-token"] = token }
        var headers = signed.headers
        headers["Authorization"] = authorization(signed, amzDate: amzDate)
        return headers
    }

    /// The query string (without `?`) of a presigned GET for `path` on `host`, valid `expires` seconds.
    public func presignedQuery(
        method: String = "GET", host: String, path: String, query: [(String, String)] = [],
        date: Date, expires: Int
    ) -> String {
        let amzDate = Self.amzDate(date)
        var pairs = query
        pairs.append(("X-Amz-Algorithm", "AWS4-HMAC-SHA256"))
        pairs.append(("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(amzDate))"))
        pairs.append(("X-Amz-Date", amzDate))
        pairs.append(("X-Amz-Expires", String(expires)))
        if let token = credentials.sessionToken { pairs.append(("X-Amz-Security-Token", token)) }
        pairs.append(("X-Amz-SignedHeaders", "host"))
        let request = Request(
            method: method, path: path, query: pairs, headers: ["host": host],
            payloadHash: Self.unsignedPayload)
        let toSign = stringToSign(canonicalRequest: canonicalRequest(request), amzDate: amzDate)
        pairs.append(("X-Amz-Signature", signature(stringToSign: toSign, amzDate: amzDate)))
        return Self.canonicalQuery(pairs)
    }

    /// `20150830/us-east-1/service/aws4_request`.
    func scope(_ amzDate: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// Lowercased, trimmed, space-collapsed headers sorted by name.
    func canonicalHeaders(_ headers: [String: String]) -> [(String, String)] {
        headers.map { name, value in
            let collapsed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            return (name.lowercased(), collapsed.trimmingCharacters(in: .whitespaces))
        }.sorted { $0.0 < $1.0 }
    }

    /// Each segment of `path` URI-encoded, slashes kept; empty becomes `/`.
    public static func canonicalURI(_ path: String) -> String {
        let encoded = uriEncode(path, keepSlash: true)
        return encoded.hasPrefix("/") ? encoded : "/" + encoded
    }

    /// Pairs encoded and sorted by name, then value (byte order).
    public static func canonicalQuery(_ pairs: [(String, String)]) -> String {
        let encoded: [(String, String)] = pairs.map { pair in
            (uriEncode(pair.0, keepSlash: false), uriEncode(pair.1, keepSlash: false))
        }
        let sorted = encoded.sorted { (a: (String, String), b: (String, String)) -> Bool in
            a.0 == b.0 ? a.1 < b.1 : a.0 < b.0
        }
        return sorted.map { pair in pair.0 + "=" + pair.1 }.joined(separator: "&")
    }

    /// RFC 3986 encoding: unreserved characters kept, every other UTF-8 byte as `%XX`.
    public static func uriEncode(_ text: String, keepSlash: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF")
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == 0x2F) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            }
        }
        return out
    }

    /// RFC 3986 unreserved: letters, digits, `-`, `.`, `_`, `~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
    }
}
