import Foundation

/// Reads a stored scorecard straight from its parsed JSON tree (the shape `ScorecardJSON`
/// writes), without the `Decodable` machinery; nil on any other shape, and the caller falls
/// back to `JSONTreeDecoder`. `ScorecardJSONTests` checks it against the decoder.
enum ScorecardTree {
    /// The scorecard in `tree`, or nil when it is not exactly the stored shape.
    static func card(_ tree: JSONValue) -> Scorecard? {
        guard case .object(let f) = tree, f.count <= 12,
            let repo = string(f["repo"]), let skill = string(f["skill"]), let checksum = string(f["checksum"]),
            let score = number(f["score"]), let path = string(f["path"]),
            case .array(let componentItems)? = f["components"], case .array(let findingItems)? = f["findings"],
            let gateText = string(f["gate"]), let gate = GateVerdict(rawValue: gateText),
            case .bool(let holds)? = f["approval_holds"], let tokens = tokens(f["tokens"])
        else { return nil }
        var components: [ScoreComponent] = []
        components.reserveCapacity(componentItems.count)
        for item in componentItems {
            guard let component = component(item) else { return nil }
            components.append(component)
        }
        var findings: [ScoreFinding] = []
        findings.reserveCapacity(findingItems.count)
        for item in findingItems {
            guard let finding = finding(item) else { return nil }
            findings.append(finding)
        }
        var approval: Approval?
        if let value = f["approval"], value != .null {
            guard case .object(let a) = value, a.count == 5, let by = string(a["by"]), let at = string(a["at"]),
                let reason = string(a["reason"]), let approved = string(a["checksum"]), let points = number(a["score"])
            else { return nil }
            approval = Approval(by: by, at: at, reason: reason, checksum: approved, score: points)
        }
        var regression: Regression?
        if let value = f["regression"], value != .null {
            guard case .object(let r) = value, r.count == 4, let previous = number(r["previous"]),
                let current = number(r["current"]), let drop = number(r["drop"]), let previousAt = string(r["previous_at"])
            else { return nil }
            regression = Regression(previous: previous, current: current, drop: drop, previousAt: previousAt)
        }
        let known = 10 + (f["approval"] == nil ? 0 : 1) + (f["regression"] == nil ? 0 : 1)
        guard f.count == known else { return nil }  // an unknown key: let the decoder judge
        return Scorecard(
            repo: repo, skill: skill, checksum: checksum, score: score, components: components, findings: findings,
            gate: gate, approval: approval, approvalHolds: holds, regression: regression, tokens: tokens, path: path)
    }

    private static func component(_ tree: JSONValue) -> ScoreComponent? {
        guard case .object(let f) = tree, f.count == 6, let id = string(f["id"]), let weight = number(f["weight"]),
            let effective = number(f["effective_weight"]), case .bool(let missing)? = f["missing"],
            let basis = string(f["basis"]), let raw = f["value"]
        else { return nil }
        var component = ScoreComponent(missing: id, weight: weight, basis: basis)
        if raw != .null {
            guard let value = number(raw) else { return nil }
            component.value = value
        }
        component.missing = missing
        component.effectiveWeight = effective
        return component
    }

    private static func finding(_ tree: JSONValue) -> ScoreFinding? {
        guard case .object(let f) = tree, let rule = string(f["rule"]), let severityText = string(f["severity"]),
            let severity = FindingSeverity(rawValue: severityText), let message = string(f["message"]),
            let remediation = string(f["remediation"]), let file = string(f["file"]),
            let component = string(f["component"])
        else { return nil }
        var line: Int?
        if let value = f["line"], value != .null {
            guard case .int(let number) = value, let exact = Int(exactly: number) else { return nil }
            line = exact
        }
        var risk: SecurityRisk?, refuses: Bool?
        if let value = f["risk"] {
            guard let text = string(value), let known = SecurityRisk(rawValue: text) else { return nil }
            risk = known
        }
        if let value = f["refuses"] {
            guard case .bool(let flag) = value else { return nil }
            refuses = flag
        }
        let optional = [f["line"], f["risk"], f["refuses"]].reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard f.count == 6 + optional else { return nil }
        var finding = ScoreFinding(
            rule: rule, severity: severity, message: message, remediation: remediation, file: file, line: line,
            component: component)
        finding.risk = risk
        finding.refuses = refuses
        return finding
    }

    private static func tokens(_ tree: JSONValue?) -> TokenReport? {
        guard case .object(let f)? = tree, f.count == 3, let description = integer(f["description"]),
            let body = integer(f["body"]), case .array(let items)? = f["sections"]
        else { return nil }
        var sections: [TokenReport.Section] = []
        sections.reserveCapacity(items.count)
        for item in items {
            guard case .object(let s) = item, s.count == 4, let heading = string(s["heading"]),
                let level = integer(s["level"]), let line = integer(s["line"]), let tokens = integer(s["tokens"])
            else { return nil }
            sections.append(TokenReport.Section(heading: heading, level: level, line: line, tokens: tokens))
        }
        return TokenReport(description: description, body: body, sections: sections)
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        if case .int(let number)? = value { return Int(exactly: number) }
        return nil
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }
}
