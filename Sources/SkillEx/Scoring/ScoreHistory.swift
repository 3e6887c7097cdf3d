import Foundation

/// One entry of a skill's `score_history` in manifest.json.
public struct ScoreHistoryEntry: Sendable, Equatable, Codable {
    /// When the run happened.
    public var at: String
    /// The score.
    public var score: Double
    /// Component values by id (null when missing).
    public var components: [String: Double?]
    /// The skill checksum scored.
    public var checksum: String

    /// The manifest key on a skill entry.
    static let key = "score_history"

    /// Appends `entry` to `history`, keeping the newest `limit`; returns the regression against
    /// the previous entry when the score dropped by more than `points`.
    static func append(
        _ entry: ScoreHistoryEntry, to history: inout [ScoreHistoryEntry], limit: Int, points: Double
    ) -> Regression? {
        let previous = history.last
        history.append(entry)
        if history.count > limit { history.removeFirst(history.count - limit) }
        guard let previous else { return nil }
        let drop = ScoreFormula.round(previous.score - entry.score, places: 1)
        guard drop > points else { return nil }
        return Regression(previous: previous.score, current: entry.score, drop: drop, previousAt: previous.at)
    }
}
