public import Foundation
public import SkillEx
import SkillExSite

/// The release report use case (`skillex report`): what a version in dist/ holds, what was kept
/// out and why, as HTML (the site's theme), Markdown or JSON.
public struct ReportJob: Sendable {
    /// The report's three forms.
    public enum Form: String, Sendable {
        case html, markdown, json
    }

    /// The hub.
    public var workspace: Workspace
    /// The version reported on; nil is the latest in dist/index.json.
    public var version: String?

    /// A report job.
    public init(workspace: Workspace, version: String? = nil) {
        self.workspace = workspace
        self.version = version
    }

    /// The report of `manifest`'s hub in `form`.
    public func run(_ manifest: Manifest, form: Form) throws -> Data {
        let input = try SiteInput.load(workspace: workspace, manifest: manifest)
        let report = try ReleaseReport(input: input, version: version)
        switch form {
        case .markdown: return Data(report.markdown().utf8)
        case .json: return try report.json()
        case .html:
            return Data(report.html(theme: try Theme.load(overrides: workspace.root.appendingPathComponent("templates"))).utf8)
        }
    }
}
