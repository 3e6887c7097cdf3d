import Foundation

/// A maintainer's override of the gate for one version of a skill (the skill entry's `approval`).
public struct Approval: Sendable, Equatable, Codable {
    /// The maintainer who approved (a name in the manifest's `maintainers`).
    public var by: String
    /// When (RFC 3339).
    public var at: String
    /// Why.
    public var reason: String
    /// The skill checksum approved; the approval holds only while the skill still has it.
    public var checksum: String
    /// The score at approval time.
    public var score: Double

    /// An approval.
    public init(by: String, at: String, reason: String, checksum: String, score: Double) {
        self.by = by
        self.at = at
        self.reason = reason
        self.checksum = checksum
        self.score = score
    }

    /// True while the skill's checksum is the approved one.
    public func holds(for checksum: String) -> Bool { self.checksum == checksum }

    /// The manifest key on a skill entry.
    static let key = "approval"
}

/// Why an approval was not recorded.
public enum ApprovalError: DescribedError, Equatable {
    /// `--by` is not in the manifest's `maintainers`.
    case notMaintainer(name: String, maintainers: [String], manifest: String)
    /// `--reason` is empty.
    case missingReason
    /// The skill could not be scored (not synced).
    case notScored(skill: String)

    /// One line.
    public var description: String {
        switch self {
        case .notMaintainer(let name, let maintainers, let manifest):
            maintainers.isEmpty
                ? "\(manifest): '\(name)' may not approve: the manifest lists no maintainers"
                : "\(manifest): '\(name)' may not approve: only maintainers may (\(maintainers.joined(separator: ", ")))"
        case .missingReason: "--reason: say why the skill should ship despite its score"
        case .notScored(let skill): "\(skill): not scored (run `skillex sync` first)"
        }
    }
}
