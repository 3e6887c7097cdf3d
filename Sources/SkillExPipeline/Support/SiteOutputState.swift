import Foundation
import SkillEx

/// An output folder (`out`, default `public/`), its hash record and the marker of a build under
/// way. One record and marker per output folder, so a build elsewhere does not spoil public/'s.
struct SiteOutputState {
    let folder: URL
    let record: URL
    let writing: URL

    init(workspace: Workspace, out: URL?) {
        folder = out ?? workspace.publicURL
        let suffix = out == nil ? "" : "-\(Digest.sha256Hex(Data(folder.path.utf8)).prefix(12))"
        record = workspace.stateURL.appendingPathComponent("site-hashes\(suffix).tsv")
        writing = workspace.stateURL.appendingPathComponent("site-writing\(suffix)")
    }
}
