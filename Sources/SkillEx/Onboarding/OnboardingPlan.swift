import Foundation

/// Everything `skillex init` would write for a set of answers, worked out before anything is
/// written: each file with its current and new text and whether a person changed it.
public struct OnboardingPlan: Sendable {
    /// The answers the plan is for.
    public var answers: OnboardingAnswers
    /// The repository entry added to the manifest (or found there).
    public var entry: RepositoryEntry
    /// The repository files, in writing order (the manifest is `manifest`).
    public var files: [PlannedFile]
    /// The manifest change.
    public var manifest: PlannedFile
    /// The ledger as it was before this run.
    public var ledger: InitLedger
    /// Things to tell the user (such as where to upload a Buildkite pipeline from).
    public var notes: [String]

    /// The files that conflict with a person's edits.
    public var conflicts: [PlannedFile] { files.filter { $0.action == .conflict } }

    /// Every file in writing order once conflicts are decided — conflicts in `replacing` (by
    /// path) become updates, the others stay conflicts (kept) — with the ledger file before the
    /// manifest.
    public func resolved(replacing: Set<String>) throws(OnboardingError) -> [PlannedFile] {
        var out: [PlannedFile] = []
        var after = ledger
        for var file in files {
            if file.action == .conflict && replacing.contains(file.path) { file.action = .update }
            if file.action != .conflict, let key = file.ledgerKey, let hash = file.ownedHash { after.files[key] = hash }
            out.append(file)
        }
        let url = try RepositoryFile.resolve(InitLedger.path, in: answers.repository)
        let old = try RepositoryFile.read(url, naming: InitLedger.path).flatMap { String(validating: $0, as: UTF8.self) }
        let new = String(decoding: try after.encoded(), as: UTF8.self)
        let action: PlannedFile.Action = old == nil ? .create : (old == new ? .unchanged : .update)
        out.append(PlannedFile(path: InitLedger.path, url: url, action: action, old: old, new: new))
        out.append(manifest)
        return out
    }
}
