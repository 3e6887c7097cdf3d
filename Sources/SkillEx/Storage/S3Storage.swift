public import Foundation

/// An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, moto) signed with SigV4.
public final class S3Storage: Storage {
    /// Where and how to reach the bucket.
    public let config: S3Configuration
    /// Requests and bytes moved.
    public let stats = TransferStats()
    let signer: SigV4Signer
    let transport: HTTPTransport
    let clock: Clock
    /// Takes the credentials out of every error: a server may echo them in its answer.
    let redactor: SecretRedactor

    /// A storage for `config`; `clock` dates signatures.
    public init(config: S3Configuration, clock: Clock = .system) {
        self.config = config
        self.clock = clock
        let credentials = config.credentials
        redactor = SecretRedactor([credentials.accessKeyID, credentials.secretAccessKey, credentials.sessionToken])
        signer = SigV4Signer(credentials: config.credentials, region: config.region)
        transport = HTTPTransport(timeout: config.timeout, policy: config.retry)
    }

    /// `s3://bucket/prefix`.
    public var location: String {
        "s3://\(config.bucket)" + (config.prefix.isEmpty ? "" : "/\(config.prefix)")
    }

    /// The full object key for a key relative to the prefix.
    func fullKey(_ key: String) -> String {
        config.prefix.isEmpty ? key : "\(config.prefix)/\(key)"
    }

    /// Host (with port) and decoded path for `fullKey` (nil: the bucket itself).
    func address(_ fullKey: String?) -> (host: String, path: String, base: String) {
        let endpoint = config.endpoint
        let scheme = endpoint.scheme ?? "https"
        let port = endpoint.port.map { ":\($0)" } ?? ""
        let endpointHost = (endpoint.host ?? "") + port
        var basePath = endpoint.path
        if basePath.hasSuffix("/") { basePath.removeLast() }
        if config.pathStyle {
            let path = basePath + "/" + config.bucket + (fullKey.map { "/" + $0 } ?? "")
            return (endpointHost, path, "\(scheme)://\(endpointHost)")
        }
        let host = "\(config.bucket).\(endpointHost)"
        return (host, basePath + "/" + (fullKey ?? ""), "\(scheme)://\(host)")
    }

    /// A signed request for one attempt.
    func makeRequest(
        method: String, fullKey: String?, query: [(String, String)], headers: [String: String],
        body: Data?, payloadHash: String
    ) throws -> HTTPRequest {
        let (host, path, base) = address(fullKey)
        let queryText = SigV4Signer.canonicalQuery(query)
        let urlText = base + SigV4Signer.canonicalURI(path) + (queryText.isEmpty ? "" : "?" + queryText)
        guard let url = URL(string: urlText) else {
            throw StorageError.configuration("cannot form a URL for key '\(fullKey ?? "")'")
        }
        var toSign = headers
        toSign["host"] = host
        toSign["x-amz-content-sha256"] = payloadHash
        let request = SigV4Signer.Request(
            method: method, path: path, query: query, headers: toSign, payloadHash: payloadHash)
        var urlRequest = HTTPRequest(url: url)
        urlRequest.httpMethod = method
        for (name, value) in signer.sign(request, date: clock.now()) where name != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if let body { urlRequest.httpBody = body }
        return urlRequest
    }

    /// Sends a request with retries and maps errors; 2xx and (when `allow404`) 404 return.
    func perform(
        _ operation: String, method: String, key: String?, query: [(String, String)] = [],
        headers: [String: String] = [:], body: Data? = nil, bodySHA256: String? = nil, allow404: Bool = false
    ) async throws -> HTTPResponse {
        let payloadHash = bodySHA256 ?? Digest.sha256Hex(body ?? Data())
        let full = key.map(fullKey)
        let name = "\(operation) s3://\(config.bucket)/\(full ?? "")"
        let response = try await transport.send(
            operation: name,
            makeRequest: {
                try makeRequest(
                    method: method, fullKey: full, query: query, headers: headers, body: body,
                    payloadHash: payloadHash)
            },
            onAttempt: { attempt in
                stats.record {
                    $0.requests += 1
                    if attempt > 1 { $0.retries += 1 }
                    $0.bytesSent += Int64(body?.count ?? 0)
                }
            })
        stats.record { $0.bytesReceived += Int64(response.body.count) }
        if (200..<300).contains(response.status) || (allow404 && response.status == 404) {
            return response
        }
        throw Self.failure(name, response, attempts: config.retry.maxAttempts)
    }

    /// The error for a failed answer: credentials, retry exhaustion, or the service's code.
    static func failure(_ operation: String, _ response: HTTPResponse, attempts: Int) -> StorageError {
        let parsed = S3XML.error(response.body)
        let code = parsed?.code ?? HTTPStatusText.reason(response.status)
        let message = parsed?.message ?? ""
        let credentialCodes: Set<String> = [
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken",
            "AuthorizationHeaderMalformed", "InvalidClientTokenId",
        ]
        if credentialCodes.contains(code) || (response.status == 403 && parsed == nil) {
            return .credentials("\(operation): \(response.status) \(code)\(message.isEmpty ? "" : ": \(message)")")
        }
        if RetryPolicy.isRetryable(status: response.status) {
            return .unavailable(operation: operation, attempts: attempts, reason: "HTTP \(response.status) \(code)")
        }
        return .service(operation: operation, status: response.status, code: code, message: message)
    }

    /// Uploads a file: one PUT with `x-amz-checksum-sha256`, or multipart above the threshold.
    public func put(key: String, file: URL, size: Int64, sha256: String, contentType: String) async throws {
        try await redactor.scrubbing {
            if size > config.multipartThreshold {
                try await putMultipart(key: key, file: file, size: size, sha256: sha256, contentType: contentType)
                return
            }
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw StorageError.local("\(file.path): \(ErrorText.brief(error))")
            }
            var headers = ["content-type": contentType, "x-amz-meta-sha256": sha256]
            headers["x-amz-checksum-sha256"] = Base64Hex.base64(fromHex: sha256)
            _ = try await perform("PUT", method: "PUT", key: key, headers: headers, body: data, bodySHA256: sha256)
            stats.record { $0.uploads += 1 }
        }
    }

    /// Downloads an object.
    public func get(key: String) async throws -> Data {
        try await redactor.scrubbing {
            let response = try await perform("GET", method: "GET", key: key, allow404: true)
            if response.status == 404 { throw StorageError.notFound("\(location)/\(key)") }
            stats.record { $0.downloads += 1 }
            return response.body
        }
    }

    /// Size and SHA-256 (from `x-amz-meta-sha256` or the checksum header); nil when absent.
    public func head(key: String) async throws -> StoredObject? {
        try await redactor.scrubbing {
            let response = try await perform(
                "HEAD", method: "HEAD", key: key, headers: ["x-amz-checksum-mode": "ENABLED"], allow404: true)
            if response.status == 404 { return nil }
            let size = Int64(response.headers["content-length"] ?? "") ?? 0
            let sha = response.headers["x-amz-meta-sha256"]
                ?? response.headers["x-amz-checksum-sha256"].flatMap(Base64Hex.hex(fromBase64:))
            return StoredObject(key: key, size: size, sha256: sha)
        }
    }

    /// Lists every object under `prefix`, following continuation tokens.
    public func list(prefix: String) async throws -> [StoredObject] {
        try await redactor.scrubbing {
            let full = fullKey(prefix)
            let strip = config.prefix.isEmpty ? 0 : config.prefix.count + 1
            var token: String?
            var objects: [StoredObject] = []
            repeat {
                var query = [("list-type", "2"), ("prefix", full)]
                if let token { query.append(("continuation-token", token)) }
                let response = try await perform("LIST", method: "GET", key: nil, query: query)
                let page = try S3XML.listPage(response.body)
                for var object in page.objects where object.key.count >= strip {
                    object.key = String(object.key.dropFirst(strip))
                    objects.append(object)
                }
                token = page.continuationToken
            } while token != nil
            return objects
        }
    }

    /// Deletes an object.
    public func delete(key: String) async throws {
        try await redactor.scrubbing {
            _ = try await perform("DELETE", method: "DELETE", key: key, allow404: true)
        }
    }

    /// A presigned GET URL for `key`, valid for `expires` seconds, for sharing without keys.
    public func presignedURL(key: String, expires: Int = 3600) -> URL? {
        let (host, path, base) = address(fullKey(key))
        let query = signer.presignedQuery(host: host, path: path, date: clock.now(), expires: expires)
        return URL(string: base + SigV4Signer.canonicalURI(path) + "?" + query)
    }
}
