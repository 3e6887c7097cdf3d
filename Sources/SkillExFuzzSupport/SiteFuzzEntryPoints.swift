public import Foundation

/// The libFuzzer entries for the site's own parsers of outside input (see `FuzzEntryPoints`,
/// which holds those of the `SkillEx` library).
public enum SiteFuzzEntryPoints {
    /// The harness names, which are also the folders under `Fuzz/corpus/`.
    public static let harnesses = ["site-event-log", "serve-request"]

    /// Runs the harness called `name` on `data`; false when there is no such harness here.
    public static func run(_ name: String, _ data: Data) throws(FuzzViolation) -> Bool {
        switch name {
        case "site-event-log": eventLog(data)
        case "serve-request": try serveRequest(data)
        default: return false
        }
        return true
    }
}
