import Foundation

/// A page the site will produce: its path, an optional fingerprint of everything it shows
/// (a page whose fingerprint is unchanged since the last build is not rendered again), and how
/// to render it. Rendering may add files beside the page (skill files its Markdown links to);
/// they share the page's fingerprint.
struct PlannedPage: Sendable {
    /// The main output and any files that go with it.
    struct Output {
        var main: Data
        var extras: [RenderedPage] = []
        /// Set for a file published unchanged (`main` is then empty).
        var linked: LinkedFile?
    }

    var path: String
    var key: String?
    var render: @Sendable () throws -> Output
    /// For pages that show the build time: renders with the given text in its place (see
    /// `StampedTemplate`); such a page must have a key that leaves the time out.
    var renderStamped: (@Sendable (_ stamp: String) throws -> Data)?

    init(path: String, key: String? = nil, render: @escaping @Sendable () throws -> Output) {
        self.path = path
        self.key = key
        self.render = render
    }

    /// A page from template `template` whose model shows the build time (`generatedAt`) and
    /// nothing else that changes without `key` changing.
    static func stamped(
        _ path: String, key: String, context: SiteContext, _ template: String,
        model: @escaping @Sendable (SiteContext) -> any Sendable
    ) -> PlannedPage {
        var page = PlannedPage.template(path, key: key, theme: context.theme, template) { model(context) }
        page.renderStamped = { stamp in
            var stamped = context
            stamped.generatedAt = stamp
            return Data(context.theme.render(template, model(stamped)).utf8)
        }
        return page
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
