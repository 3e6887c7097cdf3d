import Foundation

/// The cached copy of one git source, under `.skillex/git/<name>/`: the bare repository fetches
/// land in (`repo.git`), the tree sync reads (`tree`), and what that tree holds (`source.json`).
///
/// A fetch never touches the tree; a new commit is checked out into a fresh folder that is then
/// renamed into place, so a failed or killed run leaves the previous tree whole.
struct GitCheckout {
    /// `.skillex/git/<name>`.
    var folder: URL
    /// How `git` runs.
    var process: GitProcess

    /// What the tree holds.
    struct State: Codable, Equatable {
        /// SHA-256 of the remote URL (the URL itself may hold credentials).
        var remote: String
        var ref: String
        var commit: String
        var branch: String?
    }

    /// Why a source could not be brought up to date.
    enum Failure: Error, Equatable {
        case missingRef(String)
        case fetchFailed(String)
        case offlineWithoutCache
        case offlineDifferentSource
        case checkoutFailed(String)
    }

    var repository: URL { folder.appendingPathComponent("repo.git") }
    var tree: URL { folder.appendingPathComponent("tree") }
    var stateURL: URL { folder.appendingPathComponent("source.json") }

    /// The recorded state, when the tree exists.
    func recorded() -> State? {
        guard FileManager.default.fileExists(atPath: tree.path),
            let data = try? BoundedFile.read(stateURL.path, limit: 65_536)
        else { return nil }
        return try? JSONDecoder().decode(State.self, from: data)
    }

    /// Brings the tree to `ref` of `url` (fetching unless `offline`); returns what it holds.
    func update(url: String, ref: String, offline: Bool) -> Result<State, Failure> {
        let remote = Digest.sha256Hex(Data(url.utf8))
        let previous = recorded()
        if offline {
            guard let previous else { return .failure(.offlineWithoutCache) }
            let sameRef = previous.ref == ref || previous.commit == ref
            return previous.remote == remote && sameRef ? .success(previous) : .failure(.offlineDifferentSource)
        }
        if let previous, GitRemote.isCommitID(ref), previous.commit == ref, previous.remote == remote {
            return .success(previous)  // a commit never moves
        }
        sweepLeftovers()
        if !FileManager.default.fileExists(atPath: repository.appendingPathComponent("HEAD").path) {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let made = process.run(["init", "--quiet", "--bare", repository.path])
            guard made.status == 0 else { return .failure(.fetchFailed(Self.gitMessage(made.errors, url: url))) }
        }
        let fetched = process.run(
            ["--git-dir=\(repository.path)", "fetch", "--quiet", "--depth=1", "--no-tags", "--", url, ref])
        guard fetched.status == 0 else {
            if fetched.timedOut { return .failure(.fetchFailed("git fetch timed out after \(Int(process.timeout)) s")) }
            return .failure(Self.classify(fetched.errors, url: url))
        }
        let parsed = process.run(["--git-dir=\(repository.path)", "rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"])
        let commit = parsed.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard parsed.status == 0, GitRemote.isCommitID(commit) else {
            return .failure(.fetchFailed("fetched \(ref) but it names no commit"))
        }
        let state = State(remote: remote, ref: ref, commit: commit, branch: fetchedBranch())
        if previous?.commit == commit {
            if previous != state { try? write(state) }
            return .success(state)
        }
        return checkout(state).map { state }
    }

    /// Checks `state.commit` out into a new folder and swaps it in for the tree.
    private func checkout(_ state: State) -> Result<Void, Failure> {
        let fresh = folder.appendingPathComponent(".tree-new-\(UUID().uuidString)")
        let aside = folder.appendingPathComponent(".tree-old-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: fresh)
            try? FileManager.default.removeItem(at: aside)
        }
        do { try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: false) } catch {
            return .failure(.checkoutFailed("cannot create \(fresh.path): \(ErrorText.brief(error))"))
        }
        let run = process.run(
            ["--git-dir=\(repository.path)", "--work-tree=\(fresh.path)", "checkout", "--quiet", "--force",
             state.commit, "--", "."])
        guard run.status == 0 else { return .failure(.checkoutFailed(Self.gitMessage(run.errors, url: ""))) }
        if rename(tree.path, aside.path) != 0 && errno != ENOENT {
            return .failure(.checkoutFailed("cannot move the old tree aside: \(String(cString: strerror(errno)))"))
        }
        guard rename(fresh.path, tree.path) == 0 else {
            _ = rename(aside.path, tree.path)
            return .failure(.checkoutFailed("cannot move the new tree in: \(String(cString: strerror(errno)))"))
        }
        do { try write(state) } catch {
            return .failure(.checkoutFailed("cannot record \(stateURL.path): \(ErrorText.brief(error))"))
        }
        return .success(())
    }

    private func write(_ state: State) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(state), to: stateURL)
    }

    /// The branch git says it fetched (`<id>\t\tbranch 'main' of <url>` in FETCH_HEAD), if any.
    private func fetchedBranch() -> String? {
        guard let data = try? BoundedFile.read(repository.appendingPathComponent("FETCH_HEAD").path, limit: 65_536)
        else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
        guard let start = line.range(of: "\tbranch '") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.range(of: "' of ") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// Removes half-made or set-aside trees a killed run left.
    private func sweepLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".tree-new-") || name.hasPrefix(".tree-old-") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// A missing ref, or another fetch failure with git's last line (credentials removed).
    static func classify(_ errors: String, url: String) -> Failure {
        let lowered = errors.lowercased()
        let missing = ["couldn't find remote ref", "not our ref", "no such remote ref", "unadvertised object"]
        if missing.contains(where: lowered.contains) { return .missingRef(gitMessage(errors, url: url)) }
        return .fetchFailed(gitMessage(errors, url: url))
    }

    /// git's messages on one line (hints left out), redacted and bounded.
    static func gitMessage(_ errors: String, url: String) -> String {
        let lines = errors.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let kept = lines.filter { !$0.isEmpty && !$0.hasPrefix("hint:") }
        let line = kept.isEmpty ? "git gave no reason" : kept.joined(separator: "; ")
        let scrubbed = url.isEmpty ? line : GitRemote.scrub(line, url: url)
        return String(scrubbed.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(300))
    }
}
