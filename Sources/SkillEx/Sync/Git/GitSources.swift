import Foundation

/// Brings every git source of a manifest (a repository entry with `git` instead of `path`) up
/// to date before sync plans: fetches each into its cache under `.skillex/git/<name>/`, records
/// the commit its `ref` resolved to, and turns failures into per-repository issues. A source
/// that failed is left out of the sync, so its skills stay as the previous sync left them.
public struct GitSources: Sendable {
    /// The hub.
    public var workspace: Workspace
    /// Use the cached checkouts only; fetch nothing.
    public var offline: Bool
    /// Seconds one `git` run may take.
    public var timeout: Double

    /// The outcome for a manifest.
    public struct Outcome: Sendable {
        /// The manifest with each updated source's `commit` recorded.
        public var manifest: Manifest
        /// One entry per git source.
        public var sources: [GitSourceReport] = []
        /// Per-repository errors.
        public var issues: [SyncIssue] = []
        /// Repositories sync must leave alone this run.
        public var failed: Set<String> = []
    }

    /// Git sources of `workspace`.
    public init(workspace: Workspace, offline: Bool = false, timeout: Double = 600) {
        self.workspace = workspace
        self.offline = offline
        self.timeout = timeout
    }

    /// Fetches (or, offline, finds) every git source of `manifest`, one after another.
    public func prepare(_ manifest: Manifest) -> Outcome {
        var outcome = Outcome(manifest: manifest)
        for (index, repo) in manifest.repositories.enumerated() {
            guard let url = repo.git else { continue }
            let ref = repo.ref ?? "HEAD"
            var report = GitSourceReport(
                repo: repo.name, url: GitRemote.redacted(url), ref: ref, previousCommit: repo.commit)
            if let problem = PathSafety.problem(withFolderName: repo.name) ?? GitRemote.problem(withURL: url)
                ?? GitRemote.problem(withRef: ref)
            {
                fail(&outcome, &report, reason: "invalid_git_source", message: problem)
                outcome.sources.append(report)
                continue
            }
            let folder = workspace.stateURL.appendingPathComponent("git").appendingPathComponent(repo.name)
            let checkout = GitCheckout(folder: folder, process: GitProcess(timeout: timeout))
            switch checkout.update(url: url, ref: ref, offline: offline) {
            case .success(let state):
                report.commit = state.commit
                report.branch = state.branch
                report.status =
                    offline ? .cached : repo.commit == nil ? .fetched : repo.commit == state.commit ? .unchanged : .moved
                outcome.manifest.repositories[index].commit = state.commit
            case .failure(let failure):
                let (reason, message) = Self.describe(failure, ref: ref)
                fail(&outcome, &report, reason: reason, message: message)
            }
            outcome.sources.append(report)
        }
        return outcome
    }

    private func fail(_ outcome: inout Outcome, _ report: inout GitSourceReport, reason: String, message: String) {
        report.status = .failed
        report.error = message
        outcome.failed.insert(report.repo)
        outcome.issues.append(
            SyncIssue(reason: reason, repo: report.repo, path: report.url, message: message))
    }

    private static func describe(_ failure: GitCheckout.Failure, ref: String) -> (String, String) {
        switch failure {
        case .missingRef(let detail): ("missing_ref", "ref \(ref) not found (git: \(detail))")
        case .fetchFailed(let detail): ("fetch_failed", "cannot fetch \(ref) (git: \(detail))")
        case .offlineWithoutCache: ("fetch_failed", "--offline, but this source was never fetched; run once without --offline")
        case .offlineDifferentSource: ("fetch_failed", "--offline, but the cached checkout holds another URL or ref")
        case .checkoutFailed(let detail): ("checkout_failed", "cannot check out \(ref): \(detail)")
        }
    }
}

/// What happened to one git source in a sync.
public struct GitSourceReport: Sendable, Codable, Equatable {
    /// How the source's checkout changed.
    public enum Status: String, Sendable, Codable {
        /// First fetch (no commit recorded before).
        case fetched
        /// The ref still names the recorded commit.
        case unchanged
        /// The ref now names another commit (a moved branch or tag).
        case moved
        /// `--offline`: the cached checkout was used as it is.
        case cached
        /// Not brought up to date; its skills were left as they were.
        case failed
    }

    /// The repository's name.
    public var repo: String
    /// The remote, credentials redacted.
    public var url: String
    /// The ref synced.
    public var ref: String
    /// What happened.
    public var status: Status = .failed
    /// The commit the ref resolved to.
    public var commit: String?
    /// The commit recorded before this sync.
    public var previousCommit: String?
    /// The branch fetched, when the ref is one.
    public var branch: String?
    /// Why it failed.
    public var error: String?

    private enum CodingKeys: String, CodingKey {
        case repo, url, ref, status, commit, previousCommit = "previous_commit", branch, error
    }
}
