public import Foundation

/// One output file of the site: a path inside `public/` and its bytes.
public struct RenderedPage: Sendable, Equatable {
    /// `/`-separated path relative to the site root (`skills/acme/pdf/index.html`).
    public var path: String
    /// The file's content.
    public var bytes: Data
    /// Fingerprint of the page's inputs, when it has one (pages without are always rendered).
    public var key: String?

    /// A page value.
    public init(path: String, bytes: Data, key: String? = nil) {
        self.path = path
        self.bytes = bytes
        self.key = key
    }
}
