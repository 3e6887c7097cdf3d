import Foundation
import SkillEx

/// The top of a skill's page: score, gate state and threshold, one line saying why, the exact
/// command a maintainer runs to approve a refused skill, and the approvals on record.
struct SkillVerdict: Sendable, Encodable {
    struct ApprovalRow: Sendable, Encodable {
        var by: String; var at: String; var score: String; var reason: String
        /// True while the approved checksum is the skill's current one.
        var holds: Bool
    }

    var score: String?
    var label: String
    var css: String
    var threshold: String?
    var reason: String
    /// `skillex score --approve …`, only for a refused skill.
    var approveCommand: String?
    /// Who may run it (the manifest's `maintainers`), as text; nil when the manifest names none.
    var maintainers: String?
    var approvals: [ApprovalRow]
    var hasApprovals: Bool

    init(_ skill: SkillInput, threshold: Double?, maintainers: [String]) {
        let status = SkillStatus(skill)
        let score = Formatting.score(skill.score)
        let limit = Formatting.score(threshold)
        self.score = score
        label = status.label
        css = status.css
        self.threshold = limit
        let scoreText = score.map { "Score \($0)" } ?? "No score"
        let against = limit.map { " the gate threshold \($0)" } ?? " the gate threshold"
        var rows: [ApprovalRow] = []
        for approval in [skill.scorecard?.approval, skill.manifestApproval].compactMap({ $0 }) {
            let row = ApprovalRow(
                by: approval.by, at: approval.at, score: Formatting.score(approval.score) ?? "?",
                reason: approval.reason, holds: approval.checksum == skill.entry.checksum)
            if !rows.contains(where: { $0.by == row.by && $0.at == row.at }) { rows.append(row) }
        }
        approvals = rows
        hasApprovals = !rows.isEmpty
        self.maintainers = maintainers.isEmpty ? nil : maintainers.joined(separator: ", ")
        if case .failure(let error) = skill.fileEntries {
            reason = "Its files could not be listed, so it cannot be reviewed: \(error.description)"
            return
        }
        switch skill.scorecard?.gate {
        case .admitted:
            reason = "\(scoreText) meets\(against): the skill ships."
        case .refused:
            reason = "\(scoreText) is below\(against): the skill does not ship until its score rises or a maintainer approves this version."
            approveCommand = Self.approveCommand(skill)
        case .approved:
            let who = rows.first.map { " \($0.by) approved this version on \($0.at): \($0.reason)" } ?? " a maintainer approved this version."
            reason = "\(scoreText) is below\(against), but\(who)"
        case nil:
            reason = score == nil
                ? "Not scored yet: run `skillex score` to score it against the gate."
                : "\(scoreText), from the score history; no gate verdict is recorded (run `skillex score`)."
        }
    }

    /// The approval command for `skill`, named REPO/NAME so it matches one skill only.
    static func approveCommand(_ skill: SkillInput) -> String {
        let name = ShellWord.quoted(skill.entry.sourceRepo + "/" + skill.entry.name)
        return "skillex score --approve \(name) --by YOUR_NAME --reason \"why it should ship\""
    }
}

/// Quoting for shell commands shown on pages.
enum ShellWord {
    /// `text` as one shell word: as it is when it holds only safe characters, else in single quotes.
    static func quoted(_ text: String) -> String {
        let safe = text.utf8.allSatisfy { byte in
            Highlighter.isNameByte(byte) || "-./:@+=,".utf8.contains(byte)
        }
        if safe, !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension SkillInput {
    /// The manifest entry's own `approval`, if any (the scorecard may hold a later one).
    var manifestApproval: Approval? { try? entry.extra.decode(Approval.self, key: "approval") }
}
