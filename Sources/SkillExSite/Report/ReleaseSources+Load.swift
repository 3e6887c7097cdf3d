import Foundation
import SkillEx

extension ReleaseSources {
    /// The sources of the report on `version` (default: `dist/index.json`'s latest) of `input`'s
    /// hub: the version's pack index and the one before it (`skills-pack-<v>.json`), the
    /// manifest's skills with their scorecards and history, and the last sync's failures from the
    /// event log. A version `dist/index.json` does not list is an error naming the file; a
    /// missing pack index is a note (its list is then unknown), a malformed one an error.
    static func load(_ input: SiteInput, version asked: String? = nil) throws(SiteError) -> ReleaseSources {
        let indexPath = input.workspace.distURL.appendingPathComponent("index.json").path
        let versions = (input.packs?.versions ?? []).sorted { PackVersion.precedes($0.version, $1.version) }
        let release: DistIndex.Version?
        if let asked {
            guard let found = versions.first(where: { $0.version == asked }) else {
                throw .badFile(path: indexPath, reason: "lists no version \(asked)")
            }
            release = found
        } else {
            release = input.packs.flatMap(PackDownload.latestVersion)
        }
        var notes: [String] = []
        let before = release.flatMap { release in versions.last { PackVersion.precedes($0.version, release.version) } }
        var released: [Packed]?, previous: [Packed]?
        if let release { released = try skills(of: release, input: input, notes: &notes) }
        if let before { previous = try skills(of: before, input: input, notes: &notes) }
        if release == nil { notes.append("No pack has been built yet (dist/index.json lists no version).") }

        let hub = input.skills.map { skill in
            // A card without a checksum (a hand-made file) is taken to be about the skill as it is.
            let card = skill.scorecard.flatMap { $0.checksum.isEmpty || $0.checksum == skill.entry.checksum ? $0 : nil }
            return HubSkill(
                repo: skill.entry.sourceRepo, skill: skill.entry.name, checksum: skill.entry.checksum,
                score: card?.score, gate: card?.gate.rawValue, findings: card?.findings ?? [], approval: skill.approval,
                history: skill.history)
        }
        let failures = input.eventSummary.lastSyncFailures.map { row in
            let parts = row.subject.split(separator: "/", maxSplits: 1).map(String.init)
            return SyncFailure(
                repo: parts.count == 2 ? parts[0] : "", skill: parts.last ?? row.subject, reason: row.reason,
                message: row.message)
        }
        return ReleaseSources(
            title: input.title, generatedAt: Timestamp.string(input.now), threshold: input.scorecards?.threshold,
            version: release?.version, createdAt: release?.createdAt,
            pack: release.map { ReleaseData.Artifact(file: $0.pack.file, size: $0.pack.size, sha256: $0.pack.sha256) },
            released: released, previousVersion: before?.version, previous: previous, hub: hub,
            syncFailures: failures, notes: notes)
    }

    /// The skills `version`'s pack index lists; nil (with a note) when the file is missing or
    /// outside `dist/`.
    private static func skills(
        of version: DistIndex.Version, input: SiteInput, notes: inout [String]
    ) throws(SiteError) -> [Packed]? {
        let dist = input.workspace.distURL.standardizedFileURL
        let name = version.index.file
        let url = dist.appendingPathComponent(name).standardizedFileURL
        guard url.path.hasPrefix(dist.path + "/"), let data = try? Data(contentsOf: url) else {
            notes.append("dist/\(name) is missing: the skills of version \(version.version) are unknown.")
            return nil
        }
        do {
            return try PackIndex.decode(data).skills.map {
                Packed(repo: $0.repo, skill: $0.skill, checksum: $0.checksum)
            }
        } catch {
            throw .badFile(path: url.path, reason: ErrorText.decoding(error))
        }
    }
}
