/// A template parsed by the theme's own engine: text runs and tags, with the whitespace of
/// standalone tag lines already settled at parse time, exactly as swift-mustache settles it.
struct ThemeTemplate: Sendable {
    let tokens: [ThemeToken]
}

/// One piece of a `ThemeTemplate`.
enum ThemeToken: Sendable {
    /// Text copied as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(ThemeName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(ThemeName, ThemeTemplate, inverted: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: replaces the parent's block.
    case blockDefinition(String, ThemeTemplate)
    /// `{{$name}}…{{/name}}` anywhere else: a block a child template may replace.
    case blockExpansion(String, ThemeTemplate, indentation: [UInt8])
    /// `{{> name}}` (indented when standalone) or `{{<name}}` with the blocks it replaces.
    case partial(String, indentation: [UInt8]?, inherits: [String: ThemeTemplate]?)
}

/// A tag's name, split on dots once at parse time.
struct ThemeName: Sendable {
    /// The dot-separated parts (empty for `{{.}}`).
    let parts: [String]
    /// `{{.}}`: the current value itself.
    let isCurrent: Bool
    /// A leading dot: looked up in the current value only, not the ones around it.
    let isAnchored: Bool

    init(_ text: String) {
        isCurrent = text == "."
        isAnchored = text.first == "."
        parts = text.split(separator: ".").map(String.init)
    }
}
