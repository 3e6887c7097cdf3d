import SkillEx

/// The human-readable rendering of a `PullResult`.
enum PullTextReport {
    static func print(_ result: PullResult, into folder: String) {
        guard result.status == .updated else { return Terminal.out("\(folder) is up to date (\(result.to))") }
        Terminal.out(
            Terminal.paint("pulled", "32")
                + " \(result.from ?? "(empty)") → \(result.to) via \(result.route): "
                + "\(result.files.count) files, \(result.bytesFetched) bytes, \(result.skills) skills")
    }
}
