public import Foundation

/// `skills-lock.json`: what `skillex install` put where, from which hub, with which digests.
/// The shape follows the lockfile of the `skills` CLI (`version`, `skills` keyed by name, each
/// with `source`, `sourceType`, `computedHash`), so either tool can read the other's; see
/// `schemas/skills-lock.schema.json`.
public struct SkillsLock: Codable, Sendable, Equatable {
    /// One installed skill.
    public struct Entry: Codable, Sendable, Equatable {
        /// The hub as `--from` gave it.
        public var source: String
        /// `well-known` (an index over HTTP(S)) or `local` (a path).
        public var sourceType: String
        /// The artifact's address the skill came from.
        public var sourceUrl: String
        /// `sha256:` and the hex SHA-256 of the artifact, as the index listed it.
        public var digest: String
        /// The hex SHA-256 of the installed tree (`InstalledTree.hash`): what `--frozen` checks.
        public var computedHash: String
        /// The agents whose skills folder holds it.
        public var agents: [String]
        /// `project` or `user`.
        public var scope: String
    }

    /// The lockfile format (1).
    public var version: Int = 1
    /// Installed skills by name.
    public var skills: [String: Entry] = [:]

    public init() {}

    /// The default lockfile: `skills-lock.json` in the project for the project scope, and
    /// `~/.skillex/skills-lock.json` for the user scope.
    public static func defaultURL(scope: InstallScope, project: URL, environment: [String: String]) throws(InstallError) -> URL {
        switch scope {
        case .project: return project.appendingPathComponent("skills-lock.json")
        case .user:
            guard let home = environment["HOME"], !home.isEmpty else { throw .noHome }
            return URL(fileURLWithPath: home).appendingPathComponent(".skillex/skills-lock.json")
        }
    }

    /// The lock at `url`; nil when there is none.
    public static func load(_ url: URL) throws(InstallError) -> SkillsLock? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let lock = try JSONDecoder().decode(SkillsLock.self, from: Data(contentsOf: url))
            guard lock.version == 1 else { throw InstallError.badLock(path: url.path, reason: "unsupported version \(lock.version)") }
            for name in lock.skills.keys where HubIndex.nameProblem(name) != nil {
                throw InstallError.badLock(path: url.path, reason: "skill name '\(TerminalText.escape(name, newlines: false))' is not valid")
            }
            return lock
        } catch let error as InstallError { throw error } catch {
            throw .badLock(path: url.path, reason: "not a valid lockfile: \(ErrorText.brief(error))")
        }
    }

    /// Writes the lock to `url` atomically (sorted keys, 2-space indent).
    public func write(to url: URL) throws {
        try AtomicFile.write(JSONWriter.data(self), to: url)
    }
}
