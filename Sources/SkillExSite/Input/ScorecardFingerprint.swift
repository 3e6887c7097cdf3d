import SkillEx

/// Feeds every field of a scorecard into a hasher, each tagged and ended, so two cards hash alike
/// only when every field is equal. This runs for every skill on every build: it replaces
/// encoding each card to JSON just to hash it.
extension Scorecard {
    func fingerprint(into hasher: inout SHA256Hasher) {
        hasher.add(repo)
        hasher.add(skill)
        hasher.add(checksum)
        hasher.add(score)
        hasher.add(gate.rawValue)
        hasher.add(components.count)
        for component in components {
            hasher.add(component.id)
            hasher.add(component.weight)
            hasher.add(component.effectiveWeight)
            hasher.add(component.value)
            hasher.add(component.missing ? "true" : "false")
            hasher.add(component.basis)
        }
        hasher.add(findings.count)
        for finding in findings {
            hasher.add(finding.rule)
            hasher.add(finding.severity.rawValue)
            hasher.add(finding.message)
            hasher.add(finding.remediation)
            hasher.add(finding.file)
            hasher.add(finding.line.map(Double.init))
        }
        hasher.add(approval == nil ? 0 : 1)
        if let approval {
            hasher.add(approval.by)
            hasher.add(approval.at)
            hasher.add(approval.reason)
            hasher.add(approval.checksum)
            hasher.add(approval.score)
        }
    }
}

extension SHA256Hasher {
    /// A string field: its UTF-8 byte count, then its bytes (`-` alone for nil).
    fileprivate mutating func add(_ text: String?) {
        guard let text else { return update("-") }
        update("s\(text.utf8.count):")
        update(text)
    }

    /// A number field: `d` and its bit pattern (`-` alone for nil).
    fileprivate mutating func add(_ number: Double?) {
        guard let number else { return update("-") }
        update("d")
        var bits = number.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { update($0) }
    }

    /// A count.
    fileprivate mutating func add(_ count: Int) {
        update("n\(count);")
    }
}
