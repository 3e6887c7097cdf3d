public import Foundation

/// Where `skillex pull` fetches packs from: anything that returns a file of a published `dist/`
/// by its path relative to that folder (`index.json`, `deltas/…zip`). Bytes fetched are the
/// returned data's size; the puller counts them.
public protocol PackSource: Sendable {
    /// The source as the user gave it, for messages.
    var location: String { get }
    /// The bytes of `relativePath` (e.g. `index.json`, `deltas/skills-delta-1.0.0-to-1.1.0.zip`).
    func fetch(_ relativePath: String) async throws -> Data
}

/// A published `dist/` folder on this machine (a path or a `file://` URL).
public struct FolderPackSource: PackSource {
    /// The folder.
    public var root: URL
    /// How the user named it.
    public var location: String

    /// A source reading from `root`.
    public init(root: URL, location: String? = nil) {
        self.root = root
        self.location = location ?? root.path
    }

    /// Reads `relativePath` under the folder; paths leaving the folder are refused.
    public func fetch(_ relativePath: String) async throws -> Data {
        do { try ArchiveSafety.checkName(relativePath) } catch {
            throw PullError.badSource(location: location, reason: "refusing path '\(relativePath)'")
        }
        let url = root.appendingPathComponent(relativePath)
        do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw PullError.fetchFailed(file: url.path, reason: ErrorText.brief(error))
        }
    }
}

/// Turns a `--from` value into a source: plain paths and `file://` URLs built in; other URL
/// schemes (such as `s3://`) are added with `adding(scheme:_:)`.
public struct PackSourceResolver: Sendable {
    /// Makes a source from a URL of one scheme.
    public typealias Maker = @Sendable (URL, String) throws -> any PackSource
    private var makers: [String: Maker] = [:]

    /// A resolver with only the built-in folder sources.
    public static let standard = PackSourceResolver()

    /// A resolver with only the built-in folder sources.
    public init() {
        makers["file"] = { url, text in FolderPackSource(root: url.standardizedFileURL, location: text) }
    }

    /// This resolver plus `scheme` handled by `maker`.
    public func adding(scheme: String, _ maker: @escaping Maker) -> PackSourceResolver {
        var copy = self
        copy.makers[scheme.lowercased()] = maker
        return copy
    }

    /// The source for `location`, resolving relative paths against `base`.
    public func source(for location: String, base: URL) throws -> any PackSource {
        if let schemeEnd = location.range(of: "://") {
            let scheme = location[..<schemeEnd.lowerBound].lowercased()
            guard let maker = makers[scheme], let url = URL(string: location) else {
                throw PullError.badSource(location: location, reason: "unsupported source scheme '\(scheme)'")
            }
            return try maker(url, location)
        }
        let url = URL(fileURLWithPath: location, relativeTo: base).standardizedFileURL
        return FolderPackSource(root: url, location: location)
    }
}
