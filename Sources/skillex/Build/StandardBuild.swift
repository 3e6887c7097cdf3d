import Foundation
import SkillEx
import SkillExSite

/// The steps of `skillex build`, in order. Adding a stage is one line here.
enum StandardBuild {
    static func steps(out: URL?) -> [BuildStep] {
        [
            BuildStep("sync", run: sync),
            // score, gate, package and publish land here as their stages arrive.
            BuildStep("site") { context in
                let report = try SiteBuild.run(workspace: context.workspace, manifest: context.manifest, out: out)
                return BuildStepResult(summary: SiteBuild.summary(report, folder: (out ?? context.workspace.publicURL).path))
            },
        ]
    }

    /// Syncs every repository and writes the manifest back.
    @Sendable static func sync(_ context: inout BuildContext) throws -> BuildStepResult {
        let (result, updated) = try Syncer(workspace: context.workspace, options: SyncOptions()).sync(context.manifest)
        try ManifestStore.save(updated, to: context.workspace.manifestURL)
        context.manifest = updated
        let s = result.summary
        return BuildStepResult(
            summary: "\(s.planned) planned, \(s.copied) copied, \(s.skipped) unchanged, \(s.removed) removed, "
                + "\(s.errors.count) errors", ok: result.status == "ok")
    }
}
