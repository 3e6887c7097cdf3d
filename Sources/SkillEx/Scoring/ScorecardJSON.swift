import Foundation

/// Writes scorecards as `JSONWriter` would (keys sorted, 2-space indent), straight into one byte
/// buffer: no `Encodable` pass, no JSON tree, no per-card `Data` to re-indent.
///
/// `ScorecardJSONTests` checks the bytes against `JSONWriter` for cards of every shape.
enum ScorecardJSON {
    /// Appends `card` as the value of a member or array item at `indent`; false (with `out`
    /// unspecified) when a number is not finite, which `JSONWriter` refuses.
    static func write(_ card: Scorecard, indent: Int, into out: inout [UInt8]) -> Bool {
        var object = Members(indent: indent)
        object.open(&out)
        if let approval = card.approval {
            object.key("approval", &out)
            var inner = Members(indent: indent + 2)
            inner.open(&out)
            inner.key("at", &out); JSONWriter.quote(approval.at, into: &out)
            inner.key("by", &out); JSONWriter.quote(approval.by, into: &out)
            inner.key("checksum", &out); JSONWriter.quote(approval.checksum, into: &out)
            inner.key("reason", &out); JSONWriter.quote(approval.reason, into: &out)
            inner.key("score", &out); guard number(approval.score, &out) else { return false }
            inner.close(&out)
        }
        object.key("approval_holds", &out); out += (card.approvalHolds ? "true" : "false").utf8
        object.key("checksum", &out); JSONWriter.quote(card.checksum, into: &out)
        object.key("components", &out)
        guard array(card.components, indent: indent + 2, &out, component) else { return false }
        object.key("findings", &out)
        guard array(card.findings, indent: indent + 2, &out, finding) else { return false }
        object.key("gate", &out); JSONWriter.quote(card.gate.rawValue, into: &out)
        object.key("path", &out); JSONWriter.quote(card.path, into: &out)
        if let regression = card.regression {
            object.key("regression", &out)
            var inner = Members(indent: indent + 2)
            inner.open(&out)
            inner.key("current", &out); guard number(regression.current, &out) else { return false }
            inner.key("drop", &out); guard number(regression.drop, &out) else { return false }
            inner.key("previous", &out); guard number(regression.previous, &out) else { return false }
            inner.key("previous_at", &out); JSONWriter.quote(regression.previousAt, into: &out)
            inner.close(&out)
        }
        object.key("repo", &out); JSONWriter.quote(card.repo, into: &out)
        object.key("score", &out); guard number(card.score, &out) else { return false }
        object.key("skill", &out); JSONWriter.quote(card.skill, into: &out)
        object.key("tokens", &out)
        var tokens = Members(indent: indent + 2)
        tokens.open(&out)
        tokens.key("body", &out); integer(card.tokens.body, &out)
        tokens.key("description", &out); integer(card.tokens.description, &out)
        tokens.key("sections", &out)
        _ = array(card.tokens.sections, indent: indent + 4, &out, section)
        tokens.close(&out)
        object.close(&out)
        return true
    }

    private static func component(_ item: ScoreComponent, indent: Int, _ out: inout [UInt8]) -> Bool {
        var object = Members(indent: indent)
        object.open(&out)
        object.key("basis", &out); JSONWriter.quote(item.basis, into: &out)
        object.key("effective_weight", &out); guard number(item.effectiveWeight, &out) else { return false }
        object.key("id", &out); JSONWriter.quote(item.id, into: &out)
        object.key("missing", &out); out += (item.missing ? "true" : "false").utf8
        object.key("value", &out)
        if let value = item.value {
            guard number(value, &out) else { return false }
        } else {
            out += "null".utf8
        }
        object.key("weight", &out); guard number(item.weight, &out) else { return false }
        object.close(&out)
        return true
    }

    private static func finding(_ item: ScoreFinding, indent: Int, _ out: inout [UInt8]) -> Bool {
        var object = Members(indent: indent)
        object.open(&out)
        object.key("component", &out); JSONWriter.quote(item.component, into: &out)
        object.key("file", &out); JSONWriter.quote(item.file, into: &out)
        if let line = item.line { object.key("line", &out); integer(line, &out) }
        object.key("message", &out); JSONWriter.quote(item.message, into: &out)
        if let refuses = item.refuses { object.key("refuses", &out); out += Array((refuses ? "true" : "false").utf8) }
        object.key("remediation", &out); JSONWriter.quote(item.remediation, into: &out)
        if let risk = item.risk { object.key("risk", &out); JSONWriter.quote(risk.rawValue, into: &out) }
        object.key("rule", &out); JSONWriter.quote(item.rule, into: &out)
        object.key("severity", &out); JSONWriter.quote(item.severity.rawValue, into: &out)
        object.close(&out)
        return true
    }

    private static func section(_ item: TokenReport.Section, indent: Int, _ out: inout [UInt8]) -> Bool {
        var object = Members(indent: indent)
        object.open(&out)
        object.key("heading", &out); JSONWriter.quote(item.heading, into: &out)
        object.key("level", &out); integer(item.level, &out)
        object.key("line", &out); integer(item.line, &out)
        object.key("tokens", &out); integer(item.tokens, &out)
        object.close(&out)
        return true
    }

    /// An array at `indent` (its items at `indent + 2`), `[]` when empty.
    private static func array<T>(
        _ items: [T], indent: Int, _ out: inout [UInt8], _ item: (T, Int, inout [UInt8]) -> Bool
    ) -> Bool {
        guard !items.isEmpty else { out += "[]".utf8; return true }
        out += "[\n".utf8
        for (index, element) in items.enumerated() {
            JSONWriter.pad(indent + 2, &out)
            guard item(element, indent + 2, &out) else { return false }
            out += (index == items.count - 1 ? "\n" : ",\n").utf8
        }
        JSONWriter.pad(indent, &out)
        out.append(UInt8(ascii: "]"))
        return true
    }

    /// A number as `JSONTreeEncoder` + `JSONWriter` write it: whole values without a fraction.
    private static func number(_ value: Double, _ out: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        if let whole = Int64(exactly: value) { out += String(whole).utf8 } else { out += String(value).utf8 }
        return true
    }

    private static func integer(_ value: Int, _ out: inout [UInt8]) {
        out += String(value).utf8
    }

    /// The members of one object, written in the (already sorted) order they are added.
    private struct Members {
        let indent: Int
        var first = true

        init(indent: Int) { self.indent = indent }

        func open(_ out: inout [UInt8]) { out += "{\n".utf8 }

        mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
            if !first { out += ",\n".utf8 }
            first = false
            JSONWriter.pad(indent + 2, &out)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out += "\": ".utf8
        }

        func close(_ out: inout [UInt8]) {
            out.append(0x0A)
            JSONWriter.pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}
