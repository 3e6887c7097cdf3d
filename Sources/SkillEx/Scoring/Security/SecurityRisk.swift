import Foundation

/// How dangerous a security finding is. The manifest's `scoring.security.refuse` names the
/// risks that keep a skill out of packs whatever its score.
public enum SecurityRisk: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high, critical

    /// The SARIF and scorecard severity a finding of this risk carries.
    public var severity: FindingSeverity {
        switch self {
        case .critical, .high: .error
        case .medium: .warning
        case .low: .note
        }
    }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    /// Low sorts first, critical last.
    public static func < (lhs: SecurityRisk, rhs: SecurityRisk) -> Bool { lhs.rank < rhs.rank }
}

/// One hit of a security rule before the policy applies.
public struct SecurityHit: Sendable, Equatable {
    /// Rule id (`secret-aws-key`).
    public var rule: String
    /// The rule's risk, or a lower one the hit asks for.
    public var risk: SecurityRisk
    /// What was found; secrets appear masked, hidden characters as `<U+202E>`.
    public var message: String
    /// Path inside the skill.
    public var file: String
    /// 1-based line.
    public var line: Int?
}

/// A file the security rules did not read, and why.
public struct SkippedFile: Sendable, Equatable, Codable {
    /// Path inside the skill.
    public var file: String
    /// `binary`, `not UTF-8`, `over 1048576 bytes`, `archive (not unpacked)`, `scan budget spent`.
    public var reason: String
}
