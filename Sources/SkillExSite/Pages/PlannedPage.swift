import Foundation

/// A page the site will produce: its path, an optional fingerprint of everything it shows
/// (a page whose fingerprint is unchanged since the last build is not rendered again), and how
/// to render it. Rendering may add files beside the page (skill files its Markdown links to);
/// they share the page's fingerprint.
struct PlannedPage: Sendable {
    /// The main output and any files that go with it.
    struct Output { var main: Data; var extras: [RenderedPage] = [] }

    var path: String
    var key: String?
    var render: @Sendable () throws -> Output

    init(path: String, key: String? = nil, render: @escaping @Sendable () throws -> Output) {
        self.path = path
        self.key = key
        self.render = render
    }

    /// A page whose bytes `data()` produces.
    init(path: String, key: String? = nil, data: @escaping @Sendable () throws -> Data) {
        self.init(path: path, key: key) { Output(main: try data()) }
    }

    /// A page rendered from template `template` with the model `model()` builds.
    static func template(
        _ path: String, key: String? = nil, theme: Theme, _ template: String,
        model: @escaping @Sendable () throws -> any Sendable
    ) -> PlannedPage {
        PlannedPage(path: path, key: key, data: { Data(theme.render(template, try model()).utf8) })
    }

    /// A static file.
    static func file(_ path: String, key: String? = nil, text: String) -> PlannedPage {
        PlannedPage(path: path, key: key, data: { Data(text.utf8) })
    }
}
