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
    /// The digest of the scoring inputs besides the skill's files (`ScoreInputs`); nil in points
    /// written before SkillEx recorded it.
    public var inputs: String?

    /// A point.
    public init(at: String, score: Double, components: [String: Double?], checksum: String, inputs: String? = nil) {
        self.at = at
        self.score = score
        self.components = components
        self.checksum = checksum
        self.inputs = inputs
    }

    private enum CodingKeys: String, CodingKey { case at, score, components, checksum, inputs }

    /// Reads a stored point; `components` (none) and `checksum` (`""`) may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        at = try c.decode(String.self, forKey: .at)
        score = try c.decode(Double.self, forKey: .score)
        components = try c.decodeIfPresent([String: Double?].self, forKey: .components) ?? [:]
        checksum = try c.decodeIfPresent(String.self, forKey: .checksum) ?? ""
        inputs = try c.decodeIfPresent(String.self, forKey: .inputs)
    }

    /// The manifest key on a skill entry.
    static let key = "score_history"

    /// True when a skill whose files have `checksum` and whose scoring inputs are `inputs` would
    /// score exactly as at this point: a new point would repeat it.
    func repeats(checksum: String, inputs: String) -> Bool {
        self.checksum == checksum && self.inputs == inputs
    }

    /// The regression `history`'s last point shows against the one before it.
    static func lastRegression(_ history: [ScoreHistoryEntry], points: Double) -> Regression? {
        guard history.count >= 2 else { return nil }
        return regression(from: history[history.count - 2], to: history[history.count - 1], points: points)
    }

    private static func regression(from previous: ScoreHistoryEntry, to entry: ScoreHistoryEntry, points: Double) -> Regression? {
        let drop = ScoreFormula.round(previous.score - entry.score, places: 1)
        guard drop > points else { return nil }
        return Regression(previous: previous.score, current: entry.score, drop: drop, previousAt: previous.at)
    }

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
        return regression(from: previous, to: entry, points: points)
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
            var inputs: String?
            if case .string(let digest)? = fields["inputs"] { inputs = digest }
            return ScoreHistoryEntry(at: at, score: score, components: components, checksum: checksum, inputs: inputs)
        }
    }

    /// Reads a `score_history` array of the plain shape `Decodable` would read (each point an
    /// object with a string `at`, a number `score`, and, when present, an object of numbers or
    /// nulls for `components` and strings for `checksum` and `inputs`); nil for anything else,
    /// which the caller decodes the usual way (and gets its errors). Much cheaper than the
    /// generic decode for the site, which reads every skill's history.
    public static func plainList(_ value: JSONValue) -> [ScoreHistoryEntry]? {
        guard case .array(let items) = value else { return nil }
        var entries: [ScoreHistoryEntry] = []
        entries.reserveCapacity(items.count)
        for item in items {
            guard case .object(let fields) = item, case .string(let at)? = fields["at"],
                let score = number(fields["score"])
            else { return nil }
            var components: [String: Double?] = [:]
            switch fields["components"] {
            case nil, .null?: break
            case .object(let values)?:
                for (id, value) in values {
                    if value == .null {
                        components.updateValue(nil, forKey: id)
                    } else {
                        guard let number = number(value) else { return nil }
                        components[id] = number
                    }
                }
            default: return nil
            }
            guard let checksum = optionalString(fields["checksum"]), let inputs = optionalString(fields["inputs"])
            else { return nil }
            entries.append(ScoreHistoryEntry(at: at, score: score, components: components, checksum: checksum ?? "", inputs: inputs))
        }
        return entries
    }

    /// `.some(nil)` for an absent or null field, `.some(text)` for a string, nil for another type.
    private static func optionalString(_ value: JSONValue?) -> String?? {
        switch value {
        case nil, .null?: .some(nil)
        case .string(let text)?: .some(text)
        default: nil
        }
    }

    /// The entries as manifest JSON.
    static func json(_ entries: [ScoreHistoryEntry]) -> JSONValue {
        .array(entries.map { entry in
            var fields: [String: JSONValue] = [
                "at": .string(entry.at), "score": .double(entry.score), "checksum": .string(entry.checksum),
                "components": .object(entry.components.mapValues { $0.map(JSONValue.double) ?? .null }),
            ]
            if let inputs = entry.inputs { fields["inputs"] = .string(inputs) }
            return .object(fields)
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
