public import Foundation

/// Where `skillex install` reads a hub from: its discovery index over HTTP(S), or a local copy
/// of the published site (`public/`), of its `.well-known/agent-skills/` folder or of the index
/// file itself. Every fetch is counted, so a report can say what an update transferred.
public struct HubSource: Sendable {
    /// The location as the user gave it (used in the lockfile and in messages).
    public var location: String
    /// The index's address: an `http(s)://` URL or a file URL.
    public var indexURL: URL
    private let transport: HTTPTransport?

    /// The source for `location`, resolving a relative path against `base`.
    public init(location: String, base: URL) throws(InstallError) {
        self.location = location
        let lowered = location.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard var url = URL(string: location), url.host != nil else {
                throw .badSource(location: location, reason: "not a valid URL")
            }
            if !url.path.hasSuffix(".json") {
                url = URL(string: location.hasSuffix("/") ? location : location + "/") ?? url
                url = url.appendingPathComponent(Self.indexPath)
            }
            indexURL = url
            transport = HTTPTransport(timeout: 30, policy: RetryPolicy(maxAttempts: 3, budget: 30))
            return
        }
        var path = location
        if lowered.hasPrefix("file://") {
            guard let url = URL(string: location), url.isFileURL else {
                throw .badSource(location: location, reason: "not a valid file URL")
            }
            path = url.path
        } else if location.contains("://") {
            throw .badSource(location: location, reason: "unsupported scheme (use http://, https://, file:// or a path)")
        }
        let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw .badSource(location: location, reason: "no such file or folder")
        }
        if !isFolder.boolValue {
            indexURL = url
        } else if FileManager.default.fileExists(atPath: url.appendingPathComponent(Self.indexPath).path) {
            indexURL = url.appendingPathComponent(Self.indexPath)
        } else if FileManager.default.fileExists(atPath: url.appendingPathComponent("agent-skills/index.json").path) {
            indexURL = url.appendingPathComponent("agent-skills/index.json")
        } else if FileManager.default.fileExists(atPath: url.appendingPathComponent("index.json").path) {
            indexURL = url.appendingPathComponent("index.json")
        } else {
            throw .badSource(location: location, reason: "no \(Self.indexPath) (build the hub's site first)")
        }
        transport = nil
    }

    /// True for an index on this machine.
    public var isLocal: Bool { indexURL.isFileURL }

    /// Where the index sits under a site's root.
    public static let indexPath = ".well-known/agent-skills/index.json"

    /// The address of `reference` (an entry's `url`): resolved against the index, and refused
    /// when it leaves the index's folder through `..`, or names another scheme.
    public func resolve(_ reference: String) throws(InstallError) -> URL {
        let lowered = reference.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard transport != nil, let url = URL(string: reference) else {
                throw .badIndex(location: location, reason: "an absolute URL in a local index: \(reference)")
            }
            return url
        }
        if reference.contains(":") || reference.hasPrefix("/") || reference.isEmpty {
            throw .badIndex(location: location, reason: "unsupported artifact URL '\(reference)'")
        }
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) || reference.contains("\\") {
            throw .badIndex(location: location, reason: "artifact URL '\(reference)' leaves the index's folder")
        }
        return indexURL.deletingLastPathComponent().appendingPathComponent(reference)
    }

    /// The bytes at `url`, at most `limit` of them.
    public func fetch(_ url: URL, limit: UInt64) async throws(InstallError) -> Data {
        let shown = url.isFileURL ? url.path : url.absoluteString
        if url.isFileURL {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value
            if let size, size > limit { throw .fetchFailed(location: shown, reason: "\(size) bytes, over the limit of \(limit)") }
            do { return try Data(contentsOf: url) } catch {
                throw .fetchFailed(location: shown, reason: ErrorText.brief(error))
            }
        }
        guard let transport else { throw .fetchFailed(location: shown, reason: "not a local file") }
        let response: HTTPResponse
        do {
            response = try await transport.send(operation: "GET \(shown)", makeRequest: { HTTPRequest(url: url) })
        } catch { throw .fetchFailed(location: shown, reason: ErrorText.brief(error)) }
        guard response.status == 200 else { throw .fetchFailed(location: shown, reason: "HTTP \(response.status)") }
        if UInt64(response.body.count) > limit {
            throw .fetchFailed(location: shown, reason: "\(response.body.count) bytes, over the limit of \(limit)")
        }
        return response.body
    }
}
