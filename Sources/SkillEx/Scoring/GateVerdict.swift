import Foundation

/// The gate's verdict on one skill.
public enum GateVerdict: String, Sendable, Codable {
    /// At or above the threshold.
    case admitted
    /// Below the threshold, no approval holds: left out of packs.
    case refused
    /// Below the threshold, packed on a maintainer's approval of this exact checksum.
    case approved

    /// The verdict for `score` against `threshold` with or without a holding approval.
    public static func decide(score: Double, threshold: Double, approvalHolds: Bool) -> GateVerdict {
        if score >= threshold { return .admitted }
        return approvalHolds ? .approved : .refused
    }
}
