import Foundation

/// One component of a skill's score: its configured weight, the share it really got, its value.
public struct ScoreComponent: Sendable, Equatable, Codable {
    /// `lint`, `static_analysis` or `coverage`.
    public var id: String
    /// The weight configured in the manifest (or the default).
    public var weight: Double
    /// The weight after missing components' weights were redistributed (0 when missing).
    public var effectiveWeight: Double
    /// 0–100; nil when the component has no data for the skill.
    public var value: Double?
    /// True when there was no data: the component does not count, its weight went to the others.
    public var missing: Bool
    /// What the value was computed from, in words (`3 findings`, `41/50 lines`).
    public var basis: String

    /// A component with data.
    public init(id: String, weight: Double, value: Double, basis: String) {
        self.id = id
        self.weight = weight
        self.effectiveWeight = 0
        self.value = value
        self.missing = false
        self.basis = basis
    }

    /// A component without data.
    public init(missing id: String, weight: Double, basis: String) {
        self.id = id
        self.weight = weight
        self.effectiveWeight = 0
        self.value = nil
        self.missing = true
        self.basis = basis
    }

    private enum CodingKeys: String, CodingKey {
        case id, weight, value, missing, basis, effectiveWeight = "effective_weight"
    }

    /// Reads a stored component; `effective_weight` defaults to `weight`, `missing` to false and
    /// `basis` to `""` when absent (hand-made files).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        weight = try c.decode(Double.self, forKey: .weight)
        effectiveWeight = try c.decodeIfPresent(Double.self, forKey: .effectiveWeight) ?? weight
        value = try c.decodeIfPresent(Double.self, forKey: .value)
        missing = try c.decodeIfPresent(Bool.self, forKey: .missing) ?? false
        basis = try c.decodeIfPresent(String.self, forKey: .basis) ?? ""
    }

    /// Writes `value` as null when missing, so the key is always present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(weight, forKey: .weight)
        try container.encode(effectiveWeight, forKey: .effectiveWeight)
        try container.encode(value, forKey: .value)
        try container.encode(missing, forKey: .missing)
        try container.encode(basis, forKey: .basis)
    }
}

/// The score formula, in one place.
public enum ScoreFormula {
    /// The formula in words, written into every JSON report.
    public static let text =
        "score = sum(weight_i * value_i) / sum(weight_i) over components with data; "
        + "effective_weight_i = weight_i / sum(weight_j of components with data) (0 when missing); "
        + "lint and static_analysis = max(0, 100 - sum over (rule, severity) groups of "
        + "min(cap, first + step*(hits-1))), first/step/cap = 35/5/50 for errors, 5/2/10 for warnings, 1/1/3 for notes; "
        + "coverage = 100 * covered_lines / total_lines of files under scripts/; "
        + "rounded to 0.1"

    /// Sets every component's effective weight and returns the score (0 when nothing has data
    /// or every present weight is 0).
    public static func combine(_ components: inout [ScoreComponent]) -> Double {
        let present = components.filter { !$0.missing && $0.value != nil }
        let total = present.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            for index in components.indices { components[index].effectiveWeight = 0 }
            return 0
        }
        var sum = 0.0
        for index in components.indices {
            guard !components[index].missing, let value = components[index].value else {
                components[index].effectiveWeight = 0
                continue
            }
            let share = components[index].weight / total
            components[index].effectiveWeight = round(share, places: 4)
            sum += share * value
        }
        return round(sum, places: 1)
    }

    /// `100 - Σ penalty` over the findings grouped by rule and severity (a rule's penalty grows
    /// with its hits but saturates: `FindingSeverity.penalty`), floored at 0.
    public static func deductionValue(_ findings: [ScoreFinding]) -> Double {
        max(0, 100 - penalties(findings).reduce(0) { $0 + $1.points })
    }

    /// The findings grouped by rule and severity, each group's hits and points, in the order
    /// the groups first appear.
    public static func penalties(_ findings: [ScoreFinding]) -> [(rule: String, severity: FindingSeverity, hits: Int, points: Double)] {
        var order: [String: Int] = [:]
        var groups: [(rule: String, severity: FindingSeverity, hits: Int, points: Double)] = []
        for finding in findings {
            let key = finding.severity.rawValue + " " + finding.rule
            if let index = order[key] {
                groups[index].hits += 1
            } else {
                order[key] = groups.count
                groups.append((finding.rule, finding.severity, 1, 0))
            }
        }
        for index in groups.indices { groups[index].points = groups[index].severity.penalty(count: groups[index].hits) }
        return groups
    }

    /// `value` rounded half away from zero to `places` decimals.
    static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
