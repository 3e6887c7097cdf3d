import Foundation

/// A page the site will produce: its path, an optional fingerprint of everything it shows
/// (a page whose fingerprint is unchanged since the last build is not rendered again), and how
/// to render it.
struct PlannedPage: Sendable {
    var path: String
    var key: String?
    var render: @Sendable () throws -> Data

    /// A page rendered from template `template` with the model `model()` builds.
    static func template(
        _ path: String, key: String? = nil, theme: Theme, _ template: String,
        model: @escaping @Sendable () throws -> any Sendable
    ) -> PlannedPage {
        PlannedPage(path: path, key: key) { Data(theme.render(template, try model()).utf8) }
    }

    /// A static file.
    static func file(_ path: String, key: String? = nil, text: String) -> PlannedPage {
        PlannedPage(path: path, key: key) { Data(text.utf8) }
    }
}
