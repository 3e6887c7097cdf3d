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
    /// the previous entry when the score dropped by more than `points`. An entry with the same
    /// time and checksum as the last one replaces it: a run repeated at the same clock time (a
    /// build re-run after it was killed) records one measurement, not two.
    static func append(
        _ entry: ScoreHistoryEntry, to history: inout [ScoreHistoryEntry], limit: Int, points: Double
    ) -> Regression? {
        if let last = history.last, last.at == entry.at, last.checksum == entry.checksum { history.removeLast() }
        let previous = history.last
        history.append(entry)
        if history.count > limit { history.removeFirst(history.count - limit) }
        guard let previous else { return nil }
        let drop = ScoreFormula.round(previous.score - entry.score, places: 1)
        guard drop > points else { return nil }
        return Regression(previous: previous.score, current: entry.score, drop: drop, previousAt: previous.at)
    }
}

extension ScoreHistoryEntry {
    /// Reads a `score_history` array straight from the manifest's JSON (no encoder round trip);
    /// entries that are not the expected shape are dropped.
    static func list(_ value: JSONValue?) -> [ScoreHistoryEntry] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item in
            guard case .object(let fields) = item, case .string(let at)? = fields["at"],
                let score = number(fields["score"]), case .string(let checksum)? = fields["checksum"]
            else { return nil }
            var components: [String: Double?] = [:]
            if case .object(let values)? = fields["components"] {
                for (id, value) in values { components[id] = number(value) }
            }
            return ScoreHistoryEntry(at: at, score: score, components: components, checksum: checksum)
        }
    }

    /// The entries as manifest JSON.
    static func json(_ entries: [ScoreHistoryEntry]) -> JSONValue {
        .array(entries.map { entry in
            .object([
                "at": .string(entry.at), "score": .double(entry.score), "checksum": .string(entry.checksum),
                "components": .object(entry.components.mapValues { $0.map(JSONValue.double) ?? .null }),
            ])
        })
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }
}
