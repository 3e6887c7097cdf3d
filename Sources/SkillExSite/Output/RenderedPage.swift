public import Foundation

/// One output file of the site: a path inside `public/` and its bytes.
public struct RenderedPage: Sendable, Equatable {
    /// `/`-separated path relative to the site root (`skills/acme/pdf/index.html`).
    public var path: String
    /// The file's content.
    public var bytes: Data
    /// Fingerprint of the page's inputs, when it has one (pages without are always rendered).
    public var key: String?
    /// Set when the publisher already stored the page (`SitePublisher.storeEarly`).
    public var stored: StoredPage?
    /// A file published as it is (its bytes are then not in `bytes`): a publisher on the same
    /// disk links it instead of copying it.
    public var linkedFile: LinkedFile?

    /// A page value.
    public init(path: String, bytes: Data, key: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.key = key
    }
}

/// A file the site publishes unchanged (the latest pack), with the SHA-256 its writer recorded.
public struct LinkedFile: Sendable, Equatable {
    /// Its absolute path.
    public var path: String
    /// SHA-256 of its bytes, hex.
    public var sha256: String
    /// Its size in bytes.
    public var size: Int64

    /// The bytes, read when a publisher cannot link the file.
    public func read() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}

/// A page a publisher stored as soon as it was rendered.
public struct StoredPage: Sendable, Equatable {
    /// SHA-256 of its bytes, hex.
    public var hash: String
    /// False when the file already held those bytes.
    public var written: Bool
}
