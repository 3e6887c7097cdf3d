import SkillEx

/// One line saying what sync did with a git source.
enum GitSourceLine {
    static func text(_ source: GitSourceReport) -> String {
        let short = { (id: String?) in id.map { String($0.prefix(12)) } ?? "?" }
        let what: String
        switch source.status {
        case .fetched: what = "fetched \(source.ref) at \(short(source.commit))"
        case .unchanged: what = "\(source.ref) unchanged at \(short(source.commit))"
        case .moved: what = "\(source.ref) moved \(short(source.previousCommit)) → \(short(source.commit))"
        case .cached: what = "\(source.ref) from the cached checkout at \(short(source.commit)) (offline)"
        case .failed: what = source.error ?? "failed"
        }
        let mark = source.status == .moved ? Terminal.paint("~", "33") : Terminal.paint("@", "2")
        return "\(mark) \(source.repo) (\(source.url)): \(what)"
    }
}
